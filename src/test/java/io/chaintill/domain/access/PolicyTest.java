package io.chaintill.domain.access;

import static io.chaintill.domain.access.Policy.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyTest {

    static List<Policy> known() {
        return Policy.known();
    }

    private static Set<Policy> set(Policy... p) {
        return Set.of(p);
    }

    @Test
    void everyNameOfPermissionsMdIsKnown() {
        assertEquals(33, Policy.known().size());
        assertEquals(Set.copyOf(Policy.known()), UNRESTRICTED.closure());
    }

    @Test
    void closuresAreAsPermissionsMdDefinesThem() {
        assertEquals(set(SERVER_MODIFY_SETTINGS, SERVER_USE_INTERNAL_LIGHTNING, SERVER_MANAGE_USERS,
                SERVER_CREATE_LIGHTNING_INVOICE_INTERNAL, SERVER_VIEW_LIGHTNING_INVOICE_INTERNAL), SERVER_MODIFY_SETTINGS.closure());
        assertEquals(set(SERVER_CREATE_USER), SERVER_CREATE_USER.closure());
        assertEquals(set(SERVER_MANAGE_USERS), SERVER_MANAGE_USERS.closure());
        assertEquals(set(USER_MODIFY_PROFILE, USER_VIEW_PROFILE), USER_MODIFY_PROFILE.closure());
        assertEquals(set(USER_MANAGE_NOTIFICATIONS, USER_VIEW_NOTIFICATIONS), USER_MANAGE_NOTIFICATIONS.closure());
        assertEquals(set(STORE_VIEW_SETTINGS, STORE_VIEW_INVOICES, STORE_VIEW_PAYMENT_REQUESTS, STORE_VIEW_REPORTS,
                STORE_VIEW_PULL_PAYMENTS, STORE_VIEW_PAYOUTS), STORE_VIEW_SETTINGS.closure());
        assertEquals(set(STORE_MODIFY_INVOICES, STORE_VIEW_INVOICES, STORE_CREATE_INVOICE, STORE_CREATE_LIGHTNING_INVOICE,
                STORE_VIEW_LIGHTNING_INVOICE), STORE_MODIFY_INVOICES.closure());
        assertEquals(set(STORE_MANAGE_PULL_PAYMENTS, STORE_CREATE_PULL_PAYMENTS, STORE_ARCHIVE_PULL_PAYMENTS,
                STORE_CREATE_NON_APPROVED_PULL_PAYMENTS), STORE_MANAGE_PULL_PAYMENTS.closure());
        assertEquals(set(STORE_USE_LIGHTNING_NODE, STORE_VIEW_LIGHTNING_INVOICE, STORE_CREATE_LIGHTNING_INVOICE),
                STORE_USE_LIGHTNING_NODE.closure());
        Set<Policy> modify = STORE_MODIFY_SETTINGS.closure();
        assertEquals(20, modify.size(), modify.toString());
        assertTrue(modify.stream().allMatch(Policy::storeScopable), "every btcpay.store name but nothing else");
    }

    @Test
    void modifyStoreSettingsImpliesCreateInvoiceButCreateInvoiceDoesNotImplyViewing() {
        assertTrue(STORE_MODIFY_SETTINGS.includes(STORE_CREATE_INVOICE));
        assertFalse(STORE_CREATE_INVOICE.includes(STORE_VIEW_INVOICES));
        assertFalse(STORE_VIEW_INVOICES.includes(STORE_CREATE_INVOICE));
        assertFalse(STORE_VIEW_SETTINGS.includes(STORE_MODIFY_SETTINGS));
    }

    @ParameterizedTest
    @MethodSource("known")
    void closureIsReflexiveAndTransitive(Policy p) {
        Set<Policy> c = p.closure();
        assertTrue(c.contains(p));
        for (Policy q : c) {
            assertTrue(c.containsAll(q.closure()), p + " includes " + q + " but not all of " + q.closure());
        }
    }

    @ParameterizedTest
    @MethodSource("known")
    void policiesStayWithinTheirKind(Policy p) {
        if (p.storeScopable()) {
            assertTrue(p.closure().stream().allMatch(Policy::storeScopable), p + " -> " + p.closure());
        }
        if (!p.adminOnly() && !p.equals(UNRESTRICTED)) {
            assertTrue(p.closure().stream().noneMatch(Policy::adminOnly), p + " -> " + p.closure());
        }
    }

    @Test
    void closureReturnsAFreshSet() {
        STORE_CREATE_INVOICE.closure().add(UNRESTRICTED);
        assertEquals(set(STORE_CREATE_INVOICE), STORE_CREATE_INVOICE.closure());
    }

    @Test
    void unknownValidNamesIncludeOnlyThemselvesAndOnlyUnrestrictedIncludesThem() {
        Policy plugin = Policy.byName("btcpay.plugin.store.x").orElseThrow();
        assertFalse(plugin.isKnown());
        assertEquals(set(plugin), plugin.closure());
        assertTrue(UNRESTRICTED.includes(plugin));
        assertTrue(Policy.known().stream().filter(p -> !p.equals(UNRESTRICTED)).noneMatch(p -> p.includes(plugin)));
    }

    @Test
    void kindsFollowTheNamePrefix() {
        assertTrue(STORE_VIEW_INVOICES.storeScopable());
        assertTrue(Policy.byName("btcpay.plugin.store.a").orElseThrow().storeScopable());
        assertFalse(UNRESTRICTED.storeScopable());
        assertFalse(UNRESTRICTED.adminOnly());
        assertTrue(SERVER_CREATE_USER.adminOnly());
        assertTrue(Policy.byName("btcpay.plugin.server.a").orElseThrow().adminOnly());
        assertFalse(USER_DELETE.adminOnly());
        assertFalse(USER_DELETE.storeScopable());
    }

    @Test
    void byNameLowerCasesAndRejectsWhatIsNotOfBtcpaysForm() {
        assertEquals(Optional.of(STORE_MODIFY_WEBHOOKS), Policy.byName("btcpay.store.webhooks.canmodifywebhooks"));
        assertEquals(Optional.of(UNRESTRICTED), Policy.byName("Unrestricted"));
        assertEquals("btcpay.store.canviewinvoice", Policy.byName("btcpay.store.canviewinvoice").orElseThrow().greenfieldName());
        assertEquals(Optional.empty(), Policy.byName(""));
        assertEquals(Optional.empty(), Policy.byName("btcpay.store.canview invoices"));
        assertEquals(Optional.empty(), Policy.byName("btcpay." + "a".repeat(Policy.MAX_LENGTH)));
        assertThrows(IllegalArgumentException.class, () -> new Policy("Unrestricted"));
    }

    @Test
    void greenfieldNamesAreDistinct() {
        assertEquals(Policy.known().size(), Policy.known().stream().map(Policy::greenfieldName).distinct().count());
    }
}
