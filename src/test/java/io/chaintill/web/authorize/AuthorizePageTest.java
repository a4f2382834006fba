package io.chaintill.web.authorize;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthorizePageTest {
    private static AuthorizeRequest request(String strict) {
        return AuthorizeRequest.parse(Map.of("permissions[]", List.of("btcpay.store.canviewinvoices", "btcpay.store.cancreateinvoice"),
                "applicationName", List.of("<b>Shop</b>"), "strict", List.of(strict), "selectiveStores", List.of("true"),
                "redirect", List.of("https://shop.example/cb?a=1&b=2")));
    }

    private static String render(AuthorizeRequest r, List<AuthorizePage.StoreChoice> stores) {
        return AuthorizePage.render(new AuthorizePage.View(r, "me@shop.example", "tok\"", stores, Set.copyOf(r.permissions()),
                Set.of(), null, null));
    }

    @Test
    void showsWhoAsksWhereTheKeyGoesAndEachPermissionInWordsEscaped() {
        String html = render(request("true"), List.of(new AuthorizePage.StoreChoice("S1", "Mugs & <Co>")));
        assertTrue(html.contains("Authorize &lt;b&gt;Shop&lt;/b&gt;"), html);
        assertFalse(html.contains("<b>Shop"));
        assertTrue(html.contains("<span class=\"destination\" id=\"destination\">https://shop.example</span>"));
        assertTrue(html.contains("View invoices") && html.contains("Create invoices"));
        assertTrue(html.contains("Mugs &amp; &lt;Co&gt;"));
        assertTrue(html.contains("<input type=\"hidden\" name=\"csrf\" value=\"tok&quot;\">"));
        assertTrue(html.contains("value=\"https://shop.example/cb?a=1&amp;b=2\""));
        assertFalse(html.contains("name=\"grant\""), "strict: nothing to untick");
        assertFalse(html.contains("style=") || html.contains("<style") || html.matches("(?s).*<script(?![^>]*src=)[^>]*>.*"));
    }

    @Test
    void notStrictOffersABoxPerPermissionAndWithoutStoresNoApproval() {
        String html = render(request("false"), List.of());
        assertTrue(html.contains("name=\"grant\" id=\"grant-1\" value=\"btcpay.store.cancreateinvoice\" checked"), html);
        assertTrue(html.contains("id=\"no-stores\""));
        assertFalse(html.contains("id=\"approve\""));
        assertTrue(html.contains("id=\"cancel\""));
    }
}
