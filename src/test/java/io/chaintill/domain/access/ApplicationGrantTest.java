package io.chaintill.domain.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplicationGrantTest {
    private static final List<String> ASKED = List.of("btcpay.store.canviewinvoices", "btcpay.store.cancreateinvoice");

    private static ApplicationGrant grant(String... permissions) {
        return new ApplicationGrant("h", "u", "app", "https://shop.example/cb", List.of(permissions), Instant.EPOCH);
    }

    @Test
    void aStoreScopedGrantFitsASelectiveRequestForTheSamePolicies() {
        ApplicationGrant g = grant("btcpay.store.canviewinvoices:S1", "btcpay.store.cancreateinvoice:S1");
        assertTrue(g.satisfies(ASKED, true, true));
        assertFalse(g.satisfies(ASKED, true, false), "without selectiveStores the application expects unscoped permissions");
    }

    @Test
    void strictNeedsEveryPolicyAndNoGrantGivesMoreThanAsked() {
        assertFalse(grant("btcpay.store.canviewinvoices:S1").satisfies(ASKED, true, true));
        assertTrue(grant("btcpay.store.canviewinvoices:S1").satisfies(ASKED, false, true), "not strict: the user had left one out");
        assertFalse(grant("btcpay.store.canviewinvoices", "btcpay.store.canmodifystoresettings").satisfies(ASKED, false, false));
        assertFalse(grant().satisfies(ASKED, false, false));
    }

    @Test
    void serverAndUserPoliciesAreNeverScoped() {
        assertTrue(grant("btcpay.user.canviewprofile").satisfies(List.of("btcpay.user.canviewprofile"), true, true));
        assertTrue(ApplicationGrant.storePolicy("btcpay.plugin.store.foo"));
        assertFalse(ApplicationGrant.storePolicy("unrestricted"));
    }

    @Test
    void aGrantTooWideForItsColumnIsRefusedInWords() {
        String p = "btcpay.store.canviewinvoices:" + "S".repeat(170);
        List<String> many = java.util.Collections.nCopies(ApplicationGrant.MAX_PERMISSIONS_TEXT / 200 + 1, p);
        io.chaintill.domain.InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.chaintill.domain.InvalidInputException.class, () -> grant(many.toArray(String[]::new)));
        org.junit.jupiter.api.Assertions.assertEquals("storeId", e.field());
    }
}
