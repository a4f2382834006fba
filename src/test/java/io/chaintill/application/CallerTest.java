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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CallerTest {
    private static final User ADMIN = new User("u-admin", "admin@example.com", "hash", true, Instant.EPOCH);
    private static final User MERCHANT = new User("u-merchant", "shop@example.com", "hash", false, Instant.EPOCH);

    private static Caller withKey(User user, String... permissions) {
        return new Caller(user, Arrays.stream(permissions).map(p -> Permission.parse(p, "permissions")).toList(), "keyhash");
    }

    @ParameterizedTest
    @EnumSource(value = Policy.class, names = {"UNRESTRICTED", "SERVER_MODIFY_SETTINGS", "SERVER_CREATE_USER"})
    void adminOnlyPoliciesNeedAnAdminEvenWithAnUnrestrictedKey(Policy policy) {
        assertFalse(withKey(MERCHANT, "unrestricted").holds(policy, null));
        assertFalse(Caller.withPassword(MERCHANT).holds(policy, null));
        assertFalse(withKey(MERCHANT, "btcpay.server.canmodifyserversettings").holds(policy, null));
        assertTrue(withKey(ADMIN, "unrestricted").holds(policy, null));
        assertTrue(Caller.withPassword(ADMIN).holds(policy, null));
    }

    @Test
    void nonAdminWithUnrestrictedKeyHoldsStoreAndProfilePolicies() {
        Caller c = withKey(MERCHANT, "unrestricted");
        for (Policy p : Policy.values()) {
            if (!p.serverWide()) {
                assertTrue(c.holds(p, "s1"), p.name());
            }
        }
        assertTrue(c.holds(Policy.USER_VIEW_PROFILE, null));
        assertTrue(c.holds(Policy.USER_MODIFY_PROFILE, null));
    }

    @Test
    void adminKeyIsLimitedToItsPermissions() {
        Caller c = withKey(ADMIN, "btcpay.store.canviewinvoices:s1");
        assertTrue(c.holds(Policy.STORE_VIEW_INVOICES, "s1"));
        assertFalse(c.holds(Policy.STORE_VIEW_INVOICES, "s2"));
        assertFalse(c.holds(Policy.STORE_CREATE_INVOICE, "s1"));
        assertFalse(c.holds(Policy.SERVER_MODIFY_SETTINGS, null), "being admin does not widen a key");
        assertFalse(c.holds(Policy.USER_VIEW_PROFILE, null));
    }

    @Test
    void adminWithServerSettingsKeyMayCreateUsersButNotTouchStores() {
        Caller c = withKey(ADMIN, "btcpay.server.canmodifyserversettings");
        assertTrue(c.holds(Policy.SERVER_CREATE_USER, null));
        assertFalse(c.holds(Policy.STORE_VIEW_INVOICES, "s1"));
        assertFalse(c.holds(Policy.UNRESTRICTED, null));
    }

    @Test
    void storeScopedKeyFollowsClosureOnItsStoreOnly() {
        Caller c = withKey(MERCHANT, "btcpay.store.canmodifystoresettings:s1", "btcpay.store.canviewinvoices:s2");
        assertTrue(c.holds(Policy.STORE_CREATE_INVOICE, "s1"));
        assertTrue(c.holds(Policy.STORE_MODIFY_WEBHOOKS, "s1"));
        assertTrue(c.holds(Policy.STORE_VIEW_INVOICES, "s2"));
        assertFalse(c.holds(Policy.STORE_CREATE_INVOICE, "s2"));
        assertFalse(c.holds(Policy.STORE_CREATE_INVOICE, "s3"));
        assertFalse(c.holds(Policy.STORE_CREATE_INVOICE, null));
    }

    @Test
    void createInvoiceKeyCannotViewInvoices() {
        Caller c = withKey(MERCHANT, "btcpay.store.cancreateinvoice");
        assertTrue(c.holds(Policy.STORE_CREATE_INVOICE, "any"));
        assertFalse(c.holds(Policy.STORE_VIEW_INVOICES, "any"));
    }

    @Test
    void keyWithoutPermissionsHoldsNothing() {
        Caller c = new Caller(ADMIN, List.of(), "keyhash");
        for (Policy p : Policy.values()) {
            assertFalse(c.holds(p, null), p.name());
            assertFalse(c.holds(p, "s1"), p.name());
        }
    }
}
