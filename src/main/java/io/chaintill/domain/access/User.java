package io.chaintill.domain.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person who logs in. Only a slow hash of the password is kept. */
@Entity
@Table(name = "app_user")
public class User {
    @Id
    private String id;
    private String email;
    @Column(name = "password_hash")
    private String passwordHash;
    private boolean admin;
    @Column(name = "created_at")
    private Instant createdAt;

    protected User() {
    }

    public User(String id, String email, String passwordHash, boolean admin, Instant createdAt) {
        this.id = id;
        this.email = email;
        this.passwordHash = passwordHash;
        this.admin = admin;
        this.createdAt = createdAt;
    }

    public String id() { return id; }
    public String email() { return email; }
    public String passwordHash() { return passwordHash; }
    public boolean admin() { return admin; }
    public Instant createdAt() { return createdAt; }
}
