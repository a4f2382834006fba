package io.chaintill.application;

import io.chaintill.domain.access.Permission;
import io.chaintill.domain.access.Policy;
import io.chaintill.domain.access.User;
import java.util.List;

/**
 * Who is making a request and what they may do. A password login may do anything its user may;
 * an API key only what its permissions say. Server-wide policies need an administrator either way.
 */
public record Caller(User user, List<Permission> permissions, String apiKeyHash) {

    public static Caller withPassword(User user) {
        return new Caller(user, List.of(new Permission(Policy.UNRESTRICTED, null)), null);
    }

    public boolean holds(Policy policy, String storeId) {
        if (policy.serverWide() && isAdminOnly(policy) && !user.admin()) {
            return false;
        }
        return permissions.stream().anyMatch(p -> p.grants(policy, storeId));
    }

    private static boolean isAdminOnly(Policy p) {
        return p == Policy.SERVER_MODIFY_SETTINGS || p == Policy.SERVER_CREATE_USER || p == Policy.UNRESTRICTED;
    }
}
