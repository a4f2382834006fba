package io.chaintill.web.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.domain.InvalidInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizeRequestTest {

    private static Map<String, List<String>> query(String... pairs) {
        Map<String, List<String>> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return m;
    }

    @Test
    void readsThePhpClientsQueryWithBracketedPermissionsAndBtcpaysDefaults() {
        AuthorizeRequest r = AuthorizeRequest.parse(query("permissions[]", "btcpay.store.canviewinvoices",
                "permissions[]", "BTCPay.Store.CanCreateInvoice", "permissions", "btcpay.store.canviewinvoices:StoreA1",
                "applicationName", "WooCommerce", "redirect", "https://shop.example:8443/wp-admin/x?y=1"));
        assertEquals(List.of("btcpay.store.canviewinvoices:StoreA1", "btcpay.store.canviewinvoices", "btcpay.store.cancreateinvoice"),
                r.permissions(), "both parameter forms, policies lower-cased, store ids as given, no repeats");
        assertTrue(r.strict(), "strict defaults to true");
        assertFalse(r.selectiveStores(), "selectiveStores defaults to false");
        assertEquals("https://shop.example:8443", r.redirectOrigin());
        assertNull(r.applicationIdentifier());
        assertTrue(r.asksForStorePermission());
    }

    @Test
    void theLocalUrlReadsBackToTheSameRequest() {
        AuthorizeRequest r = AuthorizeRequest.parse(query("permissions", "btcpay.user.canviewprofile", "applicationName", "A & B",
                "strict", "FALSE", "selectiveStores", "true", "applicationIdentifier", "app-1", "redirect", "http://127.0.0.1:9/cb"));
        assertTrue(r.localUrl().startsWith("/api-keys/authorize?permissions=btcpay.user.canviewprofile&applicationName=A+%26+B"));
        Map<String, List<String>> back = new HashMap<>();
        r.parameters().forEach(e -> back.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
        assertEquals(r, AuthorizeRequest.parse(back));
    }

    @Test
    void badInputNamesTheField() {
        String[][] cases = {
                {"redirect", "javascript:alert(1)"}, {"redirect", "/wp-admin/callback"}, {"redirect", "ftp://shop.example/x"},
                {"redirect", "https://user:pw@shop.example/"}, {"redirect", "https://shop.example/" + "a".repeat(2000)},
                {"redirect", "http://[bad"}, {"strict", "maybe"}, {"selectiveStores", "1"},
                {"applicationName", "x".repeat(201)}, {"applicationIdentifier", "a\nb"},
        };
        for (String[] c : cases) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> AuthorizeRequest.parse(query("permissions", "btcpay.store.canviewinvoices", c[0], c[1])), c[1]);
            assertEquals(c[0], e.field());
        }
        for (String p : new String[] {"canviewinvoices", "btcpay.store.", "btcpay.server.canviewusers:S1", "btcpay.store.x:a/b",
                "x".repeat(201), " "}) {
            assertEquals("permissions", assertThrows(InvalidInputException.class,
                    () -> AuthorizeRequest.parse(query("permissions", p))).field(), p);
        }
        assertEquals("permissions", assertThrows(InvalidInputException.class, () -> AuthorizeRequest.parse(query())).field());
        Map<String, List<String>> many = query();
        many.put("permissions", java.util.Collections.nCopies(65, "btcpay.store.canviewinvoices"));
        assertThrows(InvalidInputException.class, () -> AuthorizeRequest.parse(many));
        assertEquals("redirect", assertThrows(InvalidInputException.class, () -> AuthorizeRequest.parse(
                query("permissions", "unrestricted", "redirect", "https://a.example/", "redirect", "https://b.example/"))).field());
    }
}
