package io.chaintill.application;

import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.access.ApiKey;
import io.chaintill.domain.access.Permission;
import io.chaintill.domain.access.Policy;
import io.chaintill.domain.access.User;
import io.chaintill.persistence.AccessRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Users, password logins and API keys. */
@ApplicationScoped
@Transactional
public class AccessService {
    /** The width of the email column. */
    private static final int MAX_EMAIL_LENGTH = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]{1,63}");

    @Inject
    AccessRepository repo;
    @Inject
    Authorizer authorizer;
    @Inject
    Clock clock;

    /** The first user needs no credentials and becomes administrator; later ones need an administrator. */
    public User createUser(Optional<Caller> caller, String email, String password, boolean administrator) {
        boolean first = repo.userCount() == 0;
        if (!first) {
            authorizer.requireServer(caller.orElseThrow(() -> new UnauthenticatedException(
                    "users exist already: creating another needs an administrator's credentials")), Policy.SERVER_CREATE_USER);
        }
        String normalized = validEmail(email);
        if (password == null || password.length() < 8 || password.length() > 256) {
            throw new InvalidInputException("password", "must be 8 to 256 characters");
        }
        if (repo.userByEmail(normalized).isPresent()) {
            throw new InvalidInputException("email", "a user with this email exists already");
        }
        if (!first && administrator) {
            authorizer.requireServer(caller.get(), Policy.SERVER_MODIFY_SETTINGS);
        }
        User user = new User(Ids.newId(), normalized, Secrets.hashPassword(password), first || administrator, clock.instant());
        repo.add(user);
        return user;
    }

    /**
     * In a transaction, as every method here, although it only reads: outside one the request's invocation holds the
     * container's non-transactional EntityManager, and a task the request hands to a managed executor (the checkout
     * streams' reads after a change, CheckoutEvents) closes it a second time ("closed EntityManager", found by FuzzIT).
     */
    public Optional<Caller> byApiKey(String rawKey) {
        String hash = Secrets.sha256Hex(rawKey);
        return repo.keyWithOwner(hash).map(o -> new Caller(o.user(), o.key().permissions(), hash));
    }

    /**
     * Creates a key; the raw key is returned once and only its hash is kept. Each permission is parsed strictly
     * and must be within what the caller holds (see {@link Authorizer#requireGrantable}).
     */
    public CreatedKey createApiKey(Caller caller, String label, List<String> permissionNames) {
        if (label != null && label.length() > 200) {
            throw new InvalidInputException("label", "must be at most 200 characters");
        }
        List<Permission> permissions = Permission.parseAll(permissionNames, "permissions");
        permissions.forEach(p -> authorizer.requireGrantable(caller, p));
        String raw = Secrets.newApiKey();
        ApiKey key = new ApiKey(Secrets.sha256Hex(raw), caller.user().id(), label, permissions, clock.instant());
        repo.add(key);
        return new CreatedKey(raw, key);
    }

    /**
     * Revokes a key. A key may always revoke itself; revoking any other key needs {@code unrestricted} (a password
     * login, or a key holding it), as BTCPay asks, and another user's key also an administrator: a bounded key
     * of an administrator (store-scoped, say) cannot reach other users' keys.
     */
    public void revoke(Caller caller, String rawKey) {
        revokeByHash(caller, Secrets.sha256Hex(rawKey));
    }

    public void revokeByHash(Caller caller, String hash) {
        boolean unrestricted = caller.holds(Policy.UNRESTRICTED, null);
        ApiKey key = repo.keyByHash(hash)
                .filter(k -> k.userId().equals(caller.user().id()) || caller.user().admin() && unrestricted)
                .orElseThrow(() -> new NotFoundException("apikey-not-found", "API key not found"));
        if (!unrestricted && !hash.equals(caller.apiKeyHash())) {
            throw new AccessDeniedException("revoking another key requires the permission unrestricted");
        }
        repo.remove(key);
    }

    /** The caller's own keys, for a person logged in with a password or session (a key cannot list its siblings). */
    public List<ApiKey> keysOf(Caller caller) {
        if (caller.apiKeyHash() != null) {
            throw new AccessDeniedException("listing API keys needs a password or dashboard login, not an API key");
        }
        return repo.keysOfUser(caller.user().id());
    }

    public ApiKey currentKey(Caller caller) {
        if (caller.apiKeyHash() == null) {
            throw new NotFoundException("apikey-not-found", "this request was not made with an API key");
        }
        return repo.keyByHash(caller.apiKeyHash()).orElseThrow(() -> new NotFoundException("apikey-not-found", "API key not found"));
    }

    private static String validEmail(String email) {
        if (email == null || email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email.trim()).matches()) {
            throw new InvalidInputException("email", "must be a valid email address");
        }
        // checked again after lower-casing, which can lengthen a string ('İ' becomes two chars)
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        if (normalized.length() > MAX_EMAIL_LENGTH) {
            throw new InvalidInputException("email", "must be at most " + MAX_EMAIL_LENGTH + " characters");
        }
        return normalized;
    }

    public record CreatedKey(String rawKey, ApiKey key) {
    }
}
