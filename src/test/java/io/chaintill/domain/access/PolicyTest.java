package io.chaintill.domain.access;

import static io.chaintill.domain.access.Policy.SERVER_CREATE_USER;
import static io.chaintill.domain.access.Policy.SERVER_MODIFY_SETTINGS;
import static io.chaintill.domain.access.Policy.STORE_CREATE_INVOICE;
import static io.chaintill.domain.access.Policy.STORE_MODIFY_INVOICES;
import static io.chaintill.domain.access.Policy.STORE_MODIFY_SETTINGS;
import static io.chaintill.domain.access.Policy.STORE_MODIFY_WEBHOOKS;
import static io.chaintill.domain.access.Policy.STORE_VIEW_INVOICES;
import static io.chaintill.domain.access.Policy.STORE_VIEW_SETTINGS;
import static io.chaintill.domain.access.Policy.UNRESTRICTED;
import static io.chaintill.domain.access.Policy.USER_MODIFY_PROFILE;
import static io.chaintill.domain.access.Policy.USER_VIEW_PROFILE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PolicyTest {

    @Test
    void closuresAreAsGreenfieldDefinesThem() {
        assertEquals(EnumSet.allOf(Policy.class), UNRESTRICTED.closure());
        assertEquals(EnumSet.of(STORE_MODIFY_SETTINGS, STORE_VIEW_SETTINGS, STORE_MODIFY_WEBHOOKS, STORE_MODIFY_INVOICES,
                STORE_VIEW_INVOICES, STORE_CREATE_INVOICE), STORE_MODIFY_SETTINGS.closure());
        assertEquals(EnumSet.of(STORE_VIEW_SETTINGS, STORE_VIEW_INVOICES), STORE_VIEW_SETTINGS.closure());
        assertEquals(EnumSet.of(STORE_MODIFY_INVOICES, STORE_VIEW_INVOICES, STORE_CREATE_INVOICE), STORE_MODIFY_INVOICES.closure());
        assertEquals(EnumSet.of(STORE_CREATE_INVOICE), STORE_CREATE_INVOICE.closure());
        assertEquals(EnumSet.of(STORE_VIEW_INVOICES), STORE_VIEW_INVOICES.closure());
        assertEquals(EnumSet.of(STORE_MODIFY_WEBHOOKS), STORE_MODIFY_WEBHOOKS.closure());
        assertEquals(EnumSet.of(SERVER_MODIFY_SETTINGS, SERVER_CREATE_USER), SERVER_MODIFY_SETTINGS.closure());
        assertEquals(EnumSet.of(USER_MODIFY_PROFILE, USER_VIEW_PROFILE), USER_MODIFY_PROFILE.closure());
    }

    @Test
    void modifyStoreSettingsImpliesCreateInvoiceButCreateInvoiceDoesNotImplyViewing() {
        assertTrue(STORE_MODIFY_SETTINGS.closure().contains(STORE_CREATE_INVOICE));
        assertFalse(STORE_CREATE_INVOICE.closure().contains(STORE_VIEW_INVOICES));
        assertFalse(STORE_VIEW_INVOICES.closure().contains(STORE_CREATE_INVOICE));
        assertFalse(STORE_VIEW_SETTINGS.closure().contains(STORE_MODIFY_SETTINGS));
    }

    @ParameterizedTest
    @EnumSource(Policy.class)
    void closureIsReflexiveAndTransitive(Policy p) {
        Set<Policy> c = p.closure();
        assertTrue(c.contains(p));
        for (Policy q : c) {
            assertTrue(c.containsAll(q.closure()), p + " includes " + q + " but not all of " + q.closure());
        }
    }

    @ParameterizedTest
    @EnumSource(Policy.class)
    void storePoliciesNeverImplyServerWideOnes(Policy p) {
        if (!p.serverWide()) {
            assertTrue(p.closure().stream().noneMatch(Policy::serverWide), p + " -> " + p.closure());
        }
    }

    @Test
    void closureReturnsAFreshSet() {
        STORE_CREATE_INVOICE.closure().add(UNRESTRICTED);
        assertEquals(EnumSet.of(STORE_CREATE_INVOICE), STORE_CREATE_INVOICE.closure());
    }

    @Test
    void byNameIgnoresCaseAndRejectsUnknown() {
        assertEquals(Optional.of(STORE_MODIFY_WEBHOOKS), Policy.byName("btcpay.store.webhooks.canmodifywebhooks"));
        assertEquals(Optional.of(UNRESTRICTED), Policy.byName("Unrestricted"));
        assertEquals(Optional.empty(), Policy.byName("btcpay.store.canviewinvoice"));
        assertEquals(Optional.empty(), Policy.byName(""));
    }

    @Test
    void greenfieldNamesAreDistinct() {
        assertEquals(Policy.values().length,
                java.util.Arrays.stream(Policy.values()).map(p -> p.greenfieldName().toLowerCase()).distinct().count());
    }
}
