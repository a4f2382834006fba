package io.chaintill.application;

import io.chaintill.domain.access.Permission;
import io.chaintill.domain.access.Policy;
import io.chaintill.domain.access.User;
import java.util.List;

/**
 * Who is making a request and what they may do. A password login may do anything its user may; an API key
 * only what its permissions say, administrator or not (a key scoped to one store is bounded by that scope).
 * Server policies need an administrator either way: {@code unrestricted} is "everything this user may do".
 */
public record Caller(User user, List<Permission> permissions, String apiKeyHash) {

    public static Caller withPassword(User user) {
        return new Caller(user, List.of(new Permission(Policy.UNRESTRICTED, null)), null);
    }

    public boolean holds(Policy policy, String storeId) {
        return mayHold(policy) && permissions.stream().anyMatch(p -> p.grants(policy, storeId));
    }

    /**
     * Is {@code wanted} within what this caller holds, so that it may put it on a new key? The store of a
     * scoped permission must also be one the caller can see: {@link Authorizer#requireGrantable} checks that.
     */
    public boolean implies(Permission wanted) {
        return mayHold(wanted.policy()) && permissions.stream().anyMatch(p -> p.implies(wanted));
    }

    /** Holds {@code policy} unscoped or on at least one store (lists need it, as BTCPay's do). */
    public boolean holdsOnSomeStore(Policy policy) {
        return mayHold(policy) && permissions.stream().anyMatch(p -> p.policy().includes(policy));
    }

    /** Holds some store permission (a plugin's too) on this store, unscoped or scoped to it. */
    public boolean holdsAnyOn(String storeId) {
        return permissions.stream().anyMatch(p -> (p.policy().storeScopable() || p.policy().equals(Policy.UNRESTRICTED))
                && (p.storeId() == null || p.storeId().equals(storeId)));
    }

    private boolean mayHold(Policy policy) {
        return user.admin() || !policy.adminOnly();
    }
}
