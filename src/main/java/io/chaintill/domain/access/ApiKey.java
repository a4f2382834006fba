package io.chaintill.domain.access;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An API key, stored only as the SHA-256 of the secret shown once at creation. */
@Entity
@Table(name = "api_key")
public class ApiKey {
    @Id
    @Column(name = "key_hash")
    private String keyHash;
    @Column(name = "user_id")
    private String userId;
    private String label;
    /** One row per permission (table api_key_permission), in the order they were asked for. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "api_key_permission", joinColumns = @JoinColumn(name = "key_hash"))
    @OrderColumn(name = "seq")
    private List<ApiKeyPermission> permissions;
    @Column(name = "created_at")
    private Instant createdAt;

    protected ApiKey() {
    }

    public ApiKey(String keyHash, String userId, String label, List<Permission> permissions, Instant createdAt) {
        this.keyHash = keyHash;
        this.userId = userId;
        this.label = label;
        this.permissions = new ArrayList<>(permissions.stream().map(ApiKeyPermission::new).toList());
        this.createdAt = createdAt;
    }

    public String keyHash() { return keyHash; }
    public String userId() { return userId; }
    public String label() { return label; }
    public Instant createdAt() { return createdAt; }

    public List<Permission> permissions() {
        return permissions.stream().map(ApiKeyPermission::toPermission).toList();
    }
}
