package io.chaintill.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.domain.access.Permission;
import io.chaintill.domain.access.Policy;
import io.chaintill.domain.access.User;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallerTest {
    private static final User ADMIN = new User("u-admin", "admin@example.com", "hash", true, Instant.EPOCH);
    private static final User MERCHANT = new User("u-merchant", "shop@example.com", "hash", false, Instant.EPOCH);
    private static final String S1 = "S1111111111111111111ab";
    private static final String S2 = "S2222222222222222222ab";
    private static final String S3 = "S3333333333333333333ab";

    private static Caller withKey(User user, String... permissions) {
        return new Caller(user, Arrays.stream(permissions).map(p -> Permission.parse(p, "permissions")).toList(), "keyhash");
    }

    private static List<Policy> serverPolicies() {
        return Policy.known().stream().filter(Policy::adminOnly).toList();
    }

    @Test
    void serverPoliciesNeedAnAdminEvenWithAnUnrestrictedKey() {
        assertFalse(serverPolicies().isEmpty());
        for (Policy policy : serverPolicies()) {
            assertFalse(withKey(MERCHANT, "unrestricted").holds(policy, null), policy.toString());
            assertFalse(Caller.withPassword(MERCHANT).holds(policy, null), policy.toString());
            assertFalse(withKey(MERCHANT, "btcpay.server.canmodifyserversettings", policy.greenfieldName()).holds(policy, null));
            assertTrue(withKey(ADMIN, "unrestricted").holds(policy, null));
            assertTrue(Caller.withPassword(ADMIN).holds(policy, null));
        }
    }

    @Test
    void nonAdminWithUnrestrictedHoldsEverythingTheUserMayDo() {
        Caller c = withKey(MERCHANT, "unrestricted");
        for (Policy p : Policy.known()) {
            if (p.storeScopable()) {
                assertTrue(c.holds(p, S1), p.toString());
            }
        }
        assertTrue(c.holds(Policy.USER_VIEW_PROFILE, null));
        assertTrue(c.holds(Policy.USER_MODIFY_PROFILE, null));
        assertTrue(c.holds(Policy.UNRESTRICTED, null), "so it may mint another unrestricted key for its user");
        assertTrue(c.implies(new Permission(Policy.UNRESTRICTED, null)));
        assertFalse(c.implies(new Permission(Policy.SERVER_CREATE_USER, null)));
    }

    @Test
    void adminKeyIsLimitedToItsPermissions() {
        Caller c = withKey(ADMIN, "btcpay.store.canviewinvoices:" + S1);
        assertTrue(c.holds(Policy.STORE_VIEW_INVOICES, S1));
        assertFalse(c.holds(Policy.STORE_VIEW_INVOICES, S2));
        assertFalse(c.holds(Policy.STORE_CREATE_INVOICE, S1));
        assertFalse(c.holds(Policy.SERVER_MODIFY_SETTINGS, null), "being admin does not widen a key");
        assertFalse(c.holds(Policy.SERVER_CREATE_USER, null));
        assertFalse(c.holds(Policy.UNRESTRICTED, null));
        assertFalse(c.holds(Policy.USER_VIEW_PROFILE, null));
    }

    @Test
    void adminWithServerSettingsKeyHoldsWhatItIncludesButNotStores() {
        Caller c = withKey(ADMIN, "btcpay.server.canmodifyserversettings");
        assertTrue(c.holds(Policy.SERVER_MANAGE_USERS, null));
        assertTrue(c.holds(Policy.SERVER_CREATE_LIGHTNING_INVOICE_INTERNAL, null));
        assertFalse(c.holds(Policy.SERVER_CREATE_USER, null), "permissions.md: canmodifyserversettings does not include it");
        assertFalse(c.holds(Policy.STORE_VIEW_INVOICES, S1));
        assertFalse(c.holds(Policy.UNRESTRICTED, null));
    }

    @Test
    void storeScopedKeyFollowsClosureOnItsStoreOnly() {
        Caller c = withKey(MERCHANT, "btcpay.store.canmodifystoresettings:" + S1, "btcpay.store.canviewinvoices:" + S2);
        assertTrue(c.holds(Policy.STORE_CREATE_INVOICE, S1));
        assertTrue(c.holds(Policy.STORE_MODIFY_WEBHOOKS, S1));
        assertTrue(c.holds(Policy.STORE_VIEW_INVOICES, S2));
        assertFalse(c.holds(Policy.STORE_CREATE_INVOICE, S2));
        assertFalse(c.holds(Policy.STORE_CREATE_INVOICE, S3));
        assertFalse(c.holds(Policy.STORE_CREATE_INVOICE, null));
        assertTrue(c.implies(new Permission(Policy.STORE_CREATE_INVOICE, S1)));
        assertFalse(c.implies(new Permission(Policy.STORE_CREATE_INVOICE, null)), "scoped never mints unscoped");
        assertFalse(c.implies(new Permission(Policy.STORE_CREATE_INVOICE, S2)));
    }

    @Test
    void createInvoiceKeyCannotViewInvoicesNorMintMore() {
        Caller c = withKey(MERCHANT, "btcpay.store.cancreateinvoice");
        assertTrue(c.holds(Policy.STORE_CREATE_INVOICE, S1));
        assertFalse(c.holds(Policy.STORE_VIEW_INVOICES, S1));
        assertFalse(c.implies(new Permission(Policy.UNRESTRICTED, null)));
        assertTrue(c.implies(new Permission(Policy.STORE_CREATE_INVOICE, S1)));
    }

    @Test
    void keyWithoutPermissionsHoldsNothing() {
        Caller c = new Caller(ADMIN, List.of(), "keyhash");
        for (Policy p : Policy.known()) {
            assertFalse(c.holds(p, null), p.toString());
            assertFalse(c.holds(p, S1), p.toString());
        }
    }

    @Test
    void listsNeedThePolicyUnscopedOrOnSomeStore() {
        assertTrue(withKey(MERCHANT, "btcpay.store.canviewstoresettings:" + S1).holdsOnSomeStore(Policy.STORE_VIEW_SETTINGS));
        assertTrue(withKey(MERCHANT, "btcpay.store.canmodifystoresettings").holdsOnSomeStore(Policy.STORE_VIEW_SETTINGS));
        assertFalse(withKey(MERCHANT, "btcpay.store.canviewinvoices").holdsOnSomeStore(Policy.STORE_VIEW_SETTINGS));
        assertFalse(withKey(MERCHANT, "btcpay.plugin.store.x:" + S1).holdsOnSomeStore(Policy.STORE_VIEW_SETTINGS));
        assertFalse(withKey(MERCHANT, "unrestricted").holdsOnSomeStore(Policy.SERVER_VIEW_USERS));
        assertTrue(withKey(ADMIN, "unrestricted").holdsOnSomeStore(Policy.SERVER_VIEW_USERS));
    }

    @Test
    void holdsAnyOnAStoreForStorelessRoutes() {
        assertTrue(withKey(MERCHANT, "btcpay.store.cancreateinvoice:" + S1).holdsAnyOn(S1));
        assertFalse(withKey(MERCHANT, "btcpay.store.cancreateinvoice:" + S1).holdsAnyOn(S2));
        assertTrue(withKey(MERCHANT, "btcpay.store.canviewinvoices").holdsAnyOn(S2));
        assertTrue(withKey(MERCHANT, "unrestricted").holdsAnyOn(S2));
        assertFalse(withKey(ADMIN, "btcpay.user.canviewprofile", "btcpay.server.canmodifyserversettings").holdsAnyOn(S1));
    }
}
