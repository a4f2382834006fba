package io.chaintill.application;

import io.chaintill.domain.access.Permission;
import io.chaintill.domain.access.Policy;
import io.chaintill.domain.store.Store;
import io.chaintill.persistence.StoreRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** The one place that decides whether a caller may act on a store or the server. */
@ApplicationScoped
public class Authorizer {
    @Inject
    StoreRepository stores;

    public void requireServer(Caller caller, Policy policy) {
        if (!caller.holds(policy, null)) {
            throw new AccessDeniedException("this requires the permission " + policy.greenfieldName());
        }
    }

    /** The store, if the caller holds {@code policy} on it and may see it. Unknown stores are 404. */
    public Store requireStore(Caller caller, Policy policy, String storeId) {
        requireHeld(caller, policy, storeId);
        Store store = stores.find(storeId).orElseThrow(Authorizer::storeNotFound);
        requireVisible(caller, store.ownerUserId(), storeId);
        return store;
    }

    /**
     * The same decision as {@link #requireStore} for callers that do not use the store: it reads only the store's
     * owner, which is cheaper than building the store (most routes, and every read of an invoice, ask only this).
     */
    public void requireAccess(Caller caller, Policy policy, String storeId) {
        requireHeld(caller, policy, storeId);
        requireVisible(caller, stores.ownerOf(storeId).orElseThrow(Authorizer::storeNotFound), storeId);
    }

    /**
     * For a read that checks the store's owner in its own query: requires {@code policy} as {@link #requireAccess}
     * does and answers whose stores the caller sees, empty for an admin, who sees every one. When that read finds
     * nothing, {@link #requireAccess} gives the refusal (no such store, or not the caller's) before "not found".
     */
    public Optional<String> ownerSeenBy(Caller caller, Policy policy, String storeId) {
        requireHeld(caller, policy, storeId);
        return caller.user().admin() ? Optional.empty() : Optional.of(caller.user().id());
    }

    /**
     * For routes that name a thing but not its store ({@code /invoices/{id}}): whether the caller holds any
     * permission on the thing's store and may see it. Callers answer 404 otherwise, as for an unknown thing, so
     * that nobody learns what another store holds; the route's own permission is checked afterwards as usual.
     */
    public boolean mayReach(Caller caller, String storeId) {
        return caller.holdsAnyOn(storeId) && stores.ownerOf(storeId).map(owner -> sees(caller, owner)).orElse(false);
    }

    public boolean canSee(Caller caller, Store store) {
        return sees(caller, store.ownerUserId());
    }

    private static boolean sees(Caller caller, String ownerUserId) {
        return caller.user().admin() || caller.user().id().equals(ownerUserId);
    }

    private static void requireHeld(Caller caller, Policy policy, String storeId) {
        if (!caller.holds(policy, storeId)) {
            throw new AccessDeniedException("this requires the permission " + policy.greenfieldName()
                    + " on store " + storeId);
        }
    }

    private static void requireVisible(Caller caller, String ownerUserId, String storeId) {
        if (!sees(caller, ownerUserId)) {
            throw new AccessDeniedException("you have no rights on store " + storeId);
        }
    }

    private static NotFoundException storeNotFound() {
        return new NotFoundException("store-not-found", "store not found");
    }

    /**
     * "Grant only what you hold", on the parsed permission: implied by one the caller holds and, when scoped,
     * on a store the caller can see (an unknown store and another user's store are refused alike).
     */
    public void requireGrantable(Caller caller, Permission wanted) {
        boolean visible = wanted.storeId() == null
                || stores.find(wanted.storeId()).filter(s -> canSee(caller, s)).isPresent();
        if (!visible || !caller.implies(wanted)) {
            throw new AccessDeniedException("you cannot grant " + wanted + ": it is not within what you hold");
        }
    }
}
