package io.chaintill.domain.access;

import io.chaintill.domain.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An API key handed to an application through the authorize flow: which application (its identifier and the
 * redirect URL it gave, BTCPay's "application authority") and exactly the permission strings it was sent. Lets
 * the same application coming back be recognised, as BTCPay recognises it.
 */
@Entity
@Table(name = "api_key_application")
public class ApplicationGrant {
    /** The width of the column: a key with every permission of every store still fits, or is refused in words. */
    static final int MAX_PERMISSIONS_TEXT = 100_000;
    @Id
    @Column(name = "key_hash")
    private String keyHash;
    @Column(name = "user_id")
    private String userId;
    @Column(name = "application_identifier")
    private String applicationIdentifier;
    @Column(name = "application_authority")
    private String applicationAuthority;
    /** Space-separated, as sent to the application ("policy" or "policy:storeId"). */
    private String permissions;
    @Column(name = "created_at")
    private Instant createdAt;

    protected ApplicationGrant() {
    }

    public ApplicationGrant(String keyHash, String userId, String applicationIdentifier, String applicationAuthority,
            List<String> permissions, Instant createdAt) {
        this.keyHash = keyHash;
        this.userId = userId;
        this.applicationIdentifier = applicationIdentifier;
        this.applicationAuthority = applicationAuthority;
        this.permissions = String.join(" ", permissions);
        if (this.permissions.length() > MAX_PERMISSIONS_TEXT) {
            throw new InvalidInputException("storeId", "too many permissions and stores for one key: choose fewer stores");
        }
        this.createdAt = createdAt;
    }

    public String keyHash() { return keyHash; }
    public String userId() { return userId; }
    public String applicationIdentifier() { return applicationIdentifier; }
    public String applicationAuthority() { return applicationAuthority; }
    public Instant createdAt() { return createdAt; }

    public List<String> permissions() {
        return permissions.isBlank() ? List.of() : Arrays.asList(permissions.split(" "));
    }

    /**
     * Would this grant satisfy a new request for {@code requested} (policy names, unscoped)? BTCPay's rule: with
     * strict, every requested policy must be in the grant; a store policy must be store-scoped when the application
     * lets the user select stores and unscoped when it does not. Beyond BTCPay, a grant holding a policy that was
     * not asked for this time is not reused, so an application never receives more than it asks for.
     */
    public boolean satisfies(Collection<String> requested, boolean strict, boolean selectiveStores) {
        List<String> granted = permissions();
        Set<String> grantedPolicies = granted.stream().map(ApplicationGrant::policyOf).collect(Collectors.toSet());
        Set<String> asked = requested.stream().map(ApplicationGrant::policyOf).collect(Collectors.toSet());
        if (grantedPolicies.isEmpty() || !asked.containsAll(grantedPolicies) || (strict && !grantedPolicies.containsAll(asked))) {
            return false;
        }
        for (String p : granted) {
            boolean scoped = p.indexOf(':') >= 0;
            if (storePolicy(policyOf(p)) && scoped != selectiveStores) {
                return false;
            }
        }
        return true;
    }

    /** Greenfield's naming rule: store policies (BTCPay's own and plugins') can be limited to one store. */
    public static boolean storePolicy(String policy) {
        return policy.startsWith("btcpay.store.") || policy.startsWith("btcpay.plugin.store.");
    }

    public static String policyOf(String permission) {
        int colon = permission.indexOf(':');
        return colon < 0 ? permission : permission.substring(0, colon);
    }
}
