package io.chaintill.domain.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
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
    /** Space-separated Greenfield permission strings, each optionally ":storeId"-scoped. */
    private String permissions;
    @Column(name = "created_at")
    private Instant createdAt;

    protected ApiKey() {
    }

    public ApiKey(String keyHash, String userId, String label, List<Permission> permissions, Instant createdAt) {
        this.keyHash = keyHash;
        this.userId = userId;
        this.label = label;
        this.permissions = String.join(" ", permissions.stream().map(Permission::toString).toList());
        this.createdAt = createdAt;
    }

    public String keyHash() { return keyHash; }
    public String userId() { return userId; }
    public String label() { return label; }
    public Instant createdAt() { return createdAt; }

    public List<Permission> permissions() {
        return permissions.isBlank() ? List.of()
                : Arrays.stream(permissions.split(" ")).map(p -> Permission.parse(p, "permissions")).toList();
    }
}
