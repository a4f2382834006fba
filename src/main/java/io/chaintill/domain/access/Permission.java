package io.chaintill.domain.access;

import io.chaintill.domain.InvalidInputException;

/** A policy, optionally limited to one store ({@code btcpay.store.canviewinvoices:storeId}). */
public record Permission(Policy policy, String storeId) {

    public static Permission parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "contains an empty permission");
        }
        int colon = text.indexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        String scope = colon < 0 ? null : text.substring(colon + 1);
        Policy policy = Policy.byName(name)
                .orElseThrow(() -> new InvalidInputException(field, "unknown permission '" + name + "'"));
        if (scope != null && (scope.isBlank() || policy.serverWide())) {
            throw new InvalidInputException(field, "permission '" + name + "' cannot be scoped to a store");
        }
        return new Permission(policy, scope);
    }

    /** Does holding this permission allow {@code wanted} on {@code store} (null for server-wide checks)? */
    public boolean grants(Policy wanted, String store) {
        if (!policy.closure().contains(wanted)) {
            return false;
        }
        return storeId == null || storeId.equals(store);
    }

    @Override
    public String toString() {
        return storeId == null ? policy.greenfieldName() : policy.greenfieldName() + ":" + storeId;
    }
}
