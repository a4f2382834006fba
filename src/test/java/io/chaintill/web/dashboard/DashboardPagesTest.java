package io.chaintill.web.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DashboardPagesTest {

    @Test
    void loginPageKeepsTheTypedEmailEscapedAndTiesTheErrorToThePasswordField() {
        String html = LoginPage.render("a\"><script>x</script>@shop.example", null, "The email or the password is not correct.");
        assertTrue(html.contains("value=\"a&quot;&gt;&lt;script&gt;x&lt;/script&gt;@shop.example\""), html);
        assertFalse(html.contains("<script>x"));
        assertTrue(html.contains("aria-describedby=\"password-error\""));
        assertTrue(html.contains("<p class=\"error\" id=\"password-error\" role=\"alert\">The email or the password is not correct.</p>"));
    }

    @Test
    void pagesHaveNoInlineScriptOrStyle() {
        for (String html : new String[] {LoginPage.render(null, "n", null), DashboardShell.render("me@shop.example", "tok")}) {
            assertFalse(html.contains("style="), html);
            assertFalse(html.contains("<style"), html);
            assertFalse(html.matches("(?s).*<script(?![^>]*src=)[^>]*>.*"), html);
            assertFalse(html.contains("onclick"), html);
        }
    }

    @Test
    void shellCarriesTheCsrfTokenInAMetaTagAndTheLogoutForm() {
        String html = DashboardShell.render("me@shop.example", "abc_-123");
        assertTrue(html.contains("<meta name=\"csrf-token\" content=\"abc_-123\">"));
        assertTrue(html.contains("<input type=\"hidden\" name=\"csrf\" value=\"abc_-123\">"));
    }

    @Test
    void cookieIsHttpOnlyStrictAndSecureOnlyOverHttps() {
        String plain = SessionCookie.set("t", java.time.Duration.ofHours(24), false);
        assertEquals("chaintill_session=t; Path=/; Max-Age=86400; HttpOnly; SameSite=Strict", plain);
        assertTrue(SessionCookie.set("t", java.time.Duration.ofHours(1), true).endsWith("; Secure"));
        assertTrue(SessionCookie.expire(false).contains("Max-Age=0"));
    }

    @Test
    void waitIsSaidInSecondsOrWholeMinutes() {
        assertEquals("1 second", LoginResource.human(1));
        assertEquals("30 seconds", LoginResource.human(30));
        assertEquals("1 minute", LoginResource.human(60));
        assertEquals("2 minutes", LoginResource.human(61));
        assertEquals("15 minutes", LoginResource.human(900));
    }

    @Test
    void csrfComparisonNeedsAnExactNonEmptyToken() {
        assertTrue(CsrfTokens.matches("abc", "abc"));
        assertFalse(CsrfTokens.matches("abc", "abd"));
        assertFalse(CsrfTokens.matches("abc", ""));
        assertFalse(CsrfTokens.matches("abc", null));
    }

    @Test
    void formsFromAnotherSiteOrAnOpaqueOriginAreNotSameOrigin() {
        assertTrue(RequestSource.sameOrigin(null, "pay.shop.example"), "no Origin: not a cross-site browser post");
        assertTrue(RequestSource.sameOrigin("https://pay.shop.example", "pay.shop.example"));
        assertTrue(RequestSource.sameOrigin("http://127.0.0.1:8080", "127.0.0.1:8080"));
        assertFalse(RequestSource.sameOrigin("http://127.0.0.1:8081", "127.0.0.1:8080"));
        assertFalse(RequestSource.sameOrigin("https://evil.example", "pay.shop.example"));
        assertFalse(RequestSource.sameOrigin("null", "pay.shop.example"));
        assertFalse(RequestSource.sameOrigin("::::", "pay.shop.example"));
    }
}
