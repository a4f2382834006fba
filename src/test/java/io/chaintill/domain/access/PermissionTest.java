package io.chaintill.domain.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.application.Ids;
import io.chaintill.domain.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PermissionTest {
    /** Store ids as ChainTill makes them (22 base58 characters). */
    private static final String S1 = "S1111111111111111111ab";
    private static final String S2 = "S2222222222222222222ab";

    static List<Policy> known() {
        return Policy.known();
    }

    private static InvalidInputException refused(String text) {
        return assertThrows(InvalidInputException.class, () -> Permission.parse(text, "permissions"), text);
    }

    @Test
    void parsesUnscopedAndScoped() {
        Permission unscoped = Permission.parse("btcpay.store.canviewinvoices", "permissions");
        assertEquals(Policy.STORE_VIEW_INVOICES, unscoped.policy());
        assertNull(unscoped.storeId());

        Permission scoped = Permission.parse("btcpay.store.cancreateinvoice:" + S1, "permissions");
        assertEquals(Policy.STORE_CREATE_INVOICE, scoped.policy());
        assertEquals(S1, scoped.storeId(), "store ids keep their case");

        assertEquals(Policy.UNRESTRICTED, Permission.parse("unrestricted", "p").policy());
    }

    @Test
    void policyIsLowerCasedAndEchoedSo() {
        Permission p = Permission.parse("BTCPay.Store.CanViewInvoices:" + S1, "p");
        assertEquals(Policy.STORE_VIEW_INVOICES, p.policy());
        assertEquals("btcpay.store.canviewinvoices:" + S1, p.toString());
        assertEquals(Policy.UNRESTRICTED, Permission.parse("UNRESTRICTED", "p").policy());
    }

    @ParameterizedTest
    @MethodSource("known")
    void everyNamedPolicyRoundTripsThroughItsGreenfieldName(Policy policy) {
        Permission p = Permission.parse(policy.greenfieldName(), "p");
        assertEquals(new Permission(policy, null), p);
        assertEquals(policy.greenfieldName(), p.toString());
        if (policy.storeScopable()) {
            Permission scoped = Permission.parse(policy.greenfieldName() + ":" + S1, "p");
            assertEquals(policy.greenfieldName() + ":" + S1, scoped.toString());
            assertEquals(scoped, Permission.parse(scoped.toString(), "p"));
        } else {
            refused(policy.greenfieldName() + ":" + S1);
        }
    }

    @Test
    void theScopeInjectionOfIssue11IsRefused() {
        InvalidInputException e = refused("btcpay.store.cancreateinvoice:x unrestricted");
        assertEquals("permissions", e.field());
        refused("btcpay.store.cancreateinvoice:" + S1 + " unrestricted");
        refused("btcpay.store.cancreateinvoice:" + S1 + "\tunrestricted");
        refused("btcpay.store.cancreateinvoice:" + S1 + "\nunrestricted");
        refused("btcpay.store.cancreateinvoice:" + S1 + "\u00a0unrestricted");
        refused("btcpay.store.cancreateinvoice:" + S1 + "\u2003unrestricted");
        refused("btcpay.store.cancreateinvoice:" + S1 + ":" + S2);
        refused("btcpay.store.cancreateinvoice:" + S1 + ",unrestricted");
        refused(" unrestricted");
        refused("unrestricted ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"unrestricted:x", "unrestricted:S1111111111111111111ab", "btcpay.user.canviewprofile:S1111111111111111111ab",
            "btcpay.server.canmodifyserversettings:S1111111111111111111ab", "btcpay.plugin.server.foo:S1111111111111111111ab"})
    void onlyStorePoliciesMayBeScoped(String text) {
        assertTrue(refused(text).getMessage().contains("cannot be scoped"), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"btcpay.store.canviewinvoices:x", "btcpay.store.canviewinvoices:S111111111111111111ab",
            "btcpay.store.canviewinvoices:S11111111111111111111ab", "btcpay.store.canviewinvoices:S111111111111111111l0O",
            "btcpay.store.canviewinvoices:S1111111111111111111a-", "btcpay.store.canviewinvoices:../../1111111111111111"})
    void aScopeMustBeAWellFormedStoreId(String text) {
        assertTrue(refused(text).getMessage().contains("not a store id"), text);
    }

    @Test
    void aTrailingColonIsUnscopedAsInBtcpay() {
        assertEquals(new Permission(Policy.STORE_MODIFY_SETTINGS, null),
                Permission.parse("btcpay.store.canmodifystoresettings:", "p"));
        assertEquals(new Permission(Policy.UNRESTRICTED, null), Permission.parse("unrestricted:", "p"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"btcpay.store.cancreatenonapprovedpullpayments", "btcpay.plugin.store.shopify.canview",
            "btcpay.plugin.user.foo", "btcpay.plugin.server.bar", "btcpay.store.canfly", "btcpay.x", "btcpay.a1.b2.c3"})
    void anyNameOfBtcpaysFormIsAcceptedAndEchoed(String name) {
        assertEquals(name, Permission.parse(name, "p").toString());
        assertEquals(name, Permission.parse(name.toUpperCase(), "p").toString());
    }

    @Test
    void pluginStorePermissionsMayBeScopedAndGrantOnlyThemselves() {
        Permission p = Permission.parse("btcpay.plugin.store.shopify.canview:" + S1, "p");
        assertEquals(S1, p.storeId());
        assertTrue(p.grants(p.policy(), S1));
        for (Policy named : Policy.known()) {
            assertFalse(p.grants(named, S1), named.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"btcpay", "btcpay.", "btcpay..store", "btcpay.store.", "btcpay.store.can_view", "store.canviewinvoices",
            "btcpay.store.can-view", "unrestricted2", "xunrestricted", ":S1111111111111111111ab", ":",
            "btcpay.store.canvıewinvoices", "btcpay.store.webhoo\u212as.canmodifywebhooks", "btcpay.store.canviewinvoices\u0000",
            "btcpay.store.canviewinvoices\u200b", "ｂtcpay.store.canviewinvoices"})
    void namesNotOfBtcpaysFormAreRefusedNamingTheField(String text) {
        assertEquals("permissions", refused(text).field());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\t"})
    void emptyPermissionIsRefused(String text) {
        assertEquals("permissions", refused(text).field());
    }

    @Test
    void lengthsAreBoundedBeforeParsing() {
        String tenThousand = "btcpay.store." + "a".repeat(10_000 - 13);
        assertEquals(10_000, tenThousand.length());
        assertTrue(refused(tenThousand).getMessage().contains("at most"));
        assertTrue(refused("unrestricted:" + "1".repeat(10_000)).getMessage().contains("at most"));
        assertTrue(refused("btcpay." + "a.".repeat(5_000) + "b").getMessage().contains("at most"));

        List<String> thousand = IntStream.range(0, 1_000).mapToObj(i -> "btcpay.plugin.store.p" + i).toList();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Permission.parseAll(thousand, "permissions"));
        assertEquals("permissions", e.field());
        assertEquals(Permission.MAX_PER_KEY, Permission.parseAll(thousand.subList(0, Permission.MAX_PER_KEY), "p").size());
    }

    @Test
    void parseAllDropsRepeatsAndKeepsOrder() {
        assertEquals(List.of(new Permission(Policy.STORE_VIEW_INVOICES, S1), new Permission(Policy.UNRESTRICTED, null)),
                Permission.parseAll(List.of("btcpay.store.canviewinvoices:" + S1, "unrestricted", "UNRESTRICTED",
                        "BTCPAY.STORE.CANVIEWINVOICES:" + S1), "p"));
        assertEquals(List.of(), Permission.parseAll(Collections.emptyList(), "p"));
    }

    @Test
    void storeIdsAsChainTillMakesThemAreValidScopes() {
        for (int i = 0; i < 200; i++) {
            String id = Ids.newId();
            assertEquals(id, Permission.parse("btcpay.store.canviewinvoices:" + id, "p").storeId());
        }
    }

    @Test
    void unscopedGrantsOnEveryStoreAndServerWide() {
        Permission p = Permission.parse("btcpay.store.canmodifystoresettings", "p");
        assertTrue(p.grants(Policy.STORE_CREATE_INVOICE, S1));
        assertTrue(p.grants(Policy.STORE_CREATE_INVOICE, S2));
        assertTrue(p.grants(Policy.STORE_VIEW_INVOICES, null));
        assertFalse(p.grants(Policy.SERVER_CREATE_USER, null));
        assertFalse(p.grants(Policy.UNRESTRICTED, null));
    }

    @Test
    void scopedGrantsOnlyOnItsStore() {
        Permission p = Permission.parse("btcpay.store.canmodifystoresettings:" + S1, "p");
        assertTrue(p.grants(Policy.STORE_MODIFY_SETTINGS, S1));
        assertTrue(p.grants(Policy.STORE_CREATE_INVOICE, S1), "implied policies keep the scope");
        assertFalse(p.grants(Policy.STORE_CREATE_INVOICE, S2));
        assertFalse(p.grants(Policy.STORE_CREATE_INVOICE, S1.toLowerCase()), "store ids are compared exactly");
        assertFalse(p.grants(Policy.STORE_CREATE_INVOICE, null), "a scoped permission is no server-wide grant");
    }

    @Test
    void impliesComparesPolicyAndScope() {
        Permission unscoped = new Permission(Policy.STORE_MODIFY_INVOICES, null);
        assertTrue(unscoped.implies(new Permission(Policy.STORE_CREATE_INVOICE, S1)));
        assertTrue(unscoped.implies(new Permission(Policy.STORE_CREATE_INVOICE, null)));
        Permission scoped = new Permission(Policy.STORE_MODIFY_INVOICES, S1);
        assertTrue(scoped.implies(new Permission(Policy.STORE_VIEW_INVOICES, S1)));
        assertFalse(scoped.implies(new Permission(Policy.STORE_VIEW_INVOICES, null)));
        assertFalse(scoped.implies(new Permission(Policy.STORE_VIEW_INVOICES, S2)));
        assertFalse(new Permission(Policy.STORE_CREATE_INVOICE, null).implies(new Permission(Policy.UNRESTRICTED, null)));
        Permission plugin = Permission.parse("btcpay.plugin.user.x", "p");
        assertTrue(new Permission(Policy.UNRESTRICTED, null).implies(plugin), "unrestricted gives every name");
        assertFalse(new Permission(Policy.STORE_MODIFY_SETTINGS, null).implies(plugin));
    }

    @Test
    void grantsFollowsTheClosureOnly() {
        Permission create = Permission.parse("btcpay.store.cancreateinvoice", "p");
        assertTrue(create.grants(Policy.STORE_CREATE_INVOICE, S1));
        assertFalse(create.grants(Policy.STORE_VIEW_INVOICES, S1));
        assertFalse(create.grants(Policy.STORE_MODIFY_INVOICES, S1));
    }

    @Test
    void apiKeyStoresAndReadsBackItsPermissionsOnePerRow() {
        List<Permission> perms = new ArrayList<>(List.of(Permission.parse("btcpay.store.canviewinvoices:" + S1, "p"),
                Permission.parse("btcpay.user.canviewprofile", "p"), Permission.parse("btcpay.plugin.store.x.y", "p")));
        ApiKey key = new ApiKey("hash", "u1", "label", perms, Instant.EPOCH);
        assertEquals(perms, key.permissions());
        assertEquals(List.of(), new ApiKey("hash", "u1", "label", List.of(), Instant.EPOCH).permissions());
    }
}
