package io.chaintill.application;

import io.chaintill.domain.access.ApplicationGrant;
import io.chaintill.persistence.ApplicationGrantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Keys a user hands to an application through {@code /api-keys/authorize}. Keys are made by
 * {@link AccessService#createApiKey} (which decides what the user may grant); this adds which application the key
 * went to, so that the application coming back is recognised. Because only a key's hash is kept, a recognised
 * application cannot be sent its old key again, as BTCPay does: it gets a new key with the same permissions and
 * the old one is revoked, in one transaction.
 */
@ApplicationScoped
@Transactional
public class ApplicationAuthorizations {
    @Inject
    AccessService access;
    @Inject
    ApplicationGrantRepository grants;
    @Inject
    Clock clock;

    /** Application identity as BTCPay matches it: the identifier and the redirect's absolute URL, both given. */
    public record Application(String identifier, String authority) {
        public boolean identified() {
            return identifier != null && authority != null;
        }
    }

    /** What the application is sent: the raw key (shown or posted once), its user and its permission strings. */
    public record Authorized(String apiKey, String userId, List<String> permissions) {
    }

    /** The user's latest key for this application that still fits what it asks for now, if any. */
    public Optional<ApplicationGrant> reusable(Caller caller, Application app, Collection<String> requested, boolean strict,
            boolean selectiveStores) {
        if (!app.identified()) {
            return Optional.empty();
        }
        return grants.of(caller.user().id(), app.identifier(), app.authority()).stream()
                .filter(g -> g.satisfies(requested, strict, selectiveStores)).findFirst();
    }

    public Authorized authorize(Caller caller, String label, List<String> permissions, Application app) {
        AccessService.CreatedKey created = access.createApiKey(caller, label, permissions);
        // the names as asked (the parser lower-cased them), not re-read from the key: what the key stores is AccessService's business
        List<String> granted = permissions.stream().distinct().toList();
        if (app.identified()) {
            grants.add(new ApplicationGrant(created.key().keyHash(), caller.user().id(), app.identifier(), app.authority(),
                    granted, clock.instant()));
        }
        return new Authorized(created.rawKey(), caller.user().id(), granted);
    }

    /** A new key with the permissions of {@code previous}, which is revoked. */
    public Authorized renew(Caller caller, String label, ApplicationGrant previous, Application app) {
        Authorized renewed = authorize(caller, label, previous.permissions(), app);
        access.revokeByHash(caller, previous.keyHash());
        return renewed;
    }
}
