package io.chaintill.domain.access;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One permission of a key, as a row of its own: a policy and a store id can never run into each other. */
@Embeddable
public class ApiKeyPermission {
    private String policy;
    @Column(name = "store_id")
    private String storeId;

    protected ApiKeyPermission() {
    }

    ApiKeyPermission(Permission p) {
        this.policy = p.policy().greenfieldName();
        this.storeId = p.storeId();
    }

    Permission toPermission() {
        return new Permission(new Policy(policy), storeId);
    }
}
