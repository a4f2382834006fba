package io.chaintill.domain.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.domain.InvalidInputException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PermissionTest {

    @Test
    void parsesUnscopedAndScoped() {
        Permission unscoped = Permission.parse("btcpay.store.canviewinvoices", "permissions");
        assertEquals(Policy.STORE_VIEW_INVOICES, unscoped.policy());
        assertNull(unscoped.storeId());

        Permission scoped = Permission.parse("btcpay.store.cancreateinvoice:Store123", "permissions");
        assertEquals(Policy.STORE_CREATE_INVOICE, scoped.policy());
        assertEquals("Store123", scoped.storeId(), "store ids keep their case");

        assertEquals(Policy.UNRESTRICTED, Permission.parse("unrestricted", "p").policy());
        assertEquals(Policy.STORE_VIEW_INVOICES, Permission.parse("BTCPay.Store.CanViewInvoices", "p").policy());
    }

    @ParameterizedTest
    @EnumSource(Policy.class)
    void everyPolicyRoundTripsThroughItsGreenfieldName(Policy policy) {
        Permission p = Permission.parse(policy.greenfieldName(), "p");
        assertEquals(new Permission(policy, null), p);
        assertEquals(policy.greenfieldName(), p.toString());
        if (!policy.serverWide()) {
            Permission scoped = Permission.parse(policy.greenfieldName() + ":s1", "p");
            assertEquals(policy.greenfieldName() + ":s1", scoped.toString());
            assertEquals(scoped, Permission.parse(scoped.toString(), "p"));
        }
    }

    @Test
    void unknownPermissionIsRefusedNamingTheFieldAndThePermission() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Permission.parse("btcpay.store.canstealfunds:s1", "permissions[2]"));
        assertEquals("permissions[2]", e.field());
        assertTrue(e.getMessage().contains("btcpay.store.canstealfunds"), e.getMessage());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void emptyPermissionIsRefused(String text) {
        assertEquals("permissions", assertThrows(InvalidInputException.class,
                () -> Permission.parse(text, "permissions")).field());
    }

    @ParameterizedTest
    @EnumSource(value = Policy.class, names = {"UNRESTRICTED", "SERVER_MODIFY_SETTINGS", "SERVER_CREATE_USER",
            "USER_VIEW_PROFILE", "USER_MODIFY_PROFILE"})
    void serverWidePoliciesCannotBeScopedToAStore(Policy policy) {
        assertTrue(policy.serverWide());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Permission.parse(policy.greenfieldName() + ":s1", "permissions"));
        assertEquals("permissions", e.field());
        assertTrue(e.getMessage().contains("cannot be scoped"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"btcpay.store.canviewinvoices:", "btcpay.store.canviewinvoices: "})
    void blankScopeIsRefused(String text) {
        assertThrows(InvalidInputException.class, () -> Permission.parse(text, "permissions"));
    }

    @Test
    void unscopedGrantsOnEveryStoreAndServerWide() {
        Permission p = Permission.parse("btcpay.store.canmodifystoresettings", "p");
        assertTrue(p.grants(Policy.STORE_CREATE_INVOICE, "s1"));
        assertTrue(p.grants(Policy.STORE_CREATE_INVOICE, "s2"));
        assertTrue(p.grants(Policy.STORE_VIEW_INVOICES, null));
        assertFalse(p.grants(Policy.SERVER_CREATE_USER, null));
        assertFalse(p.grants(Policy.UNRESTRICTED, null));
    }

    @Test
    void scopedGrantsOnlyOnItsStore() {
        Permission p = Permission.parse("btcpay.store.canmodifystoresettings:s1", "p");
        assertTrue(p.grants(Policy.STORE_MODIFY_SETTINGS, "s1"));
        assertTrue(p.grants(Policy.STORE_CREATE_INVOICE, "s1"), "implied policies keep the scope");
        assertFalse(p.grants(Policy.STORE_CREATE_INVOICE, "s2"));
        assertFalse(p.grants(Policy.STORE_CREATE_INVOICE, "S1"), "store ids are compared exactly");
        assertFalse(p.grants(Policy.STORE_CREATE_INVOICE, null), "a scoped permission is no server-wide grant");
    }

    @Test
    void grantsFollowsTheClosureOnly() {
        Permission create = Permission.parse("btcpay.store.cancreateinvoice", "p");
        assertTrue(create.grants(Policy.STORE_CREATE_INVOICE, "s1"));
        assertFalse(create.grants(Policy.STORE_VIEW_INVOICES, "s1"));
        assertFalse(create.grants(Policy.STORE_MODIFY_INVOICES, "s1"));
    }

    @Test
    void apiKeyStoresAndReadsBackItsPermissions() {
        List<Permission> perms = List.of(Permission.parse("btcpay.store.canviewinvoices:s1", "p"),
                Permission.parse("btcpay.user.canviewprofile", "p"));
        ApiKey key = new ApiKey("hash", "u1", "label", perms, Instant.EPOCH);
        assertEquals(perms, key.permissions());
        assertEquals(List.of(), new ApiKey("hash", "u1", "label", List.of(), Instant.EPOCH).permissions());
    }
}
