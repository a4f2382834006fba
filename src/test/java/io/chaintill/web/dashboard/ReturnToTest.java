package io.chaintill.web.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReturnToTest {

    @Test
    void localPathsWithTheirQueryAreKept() {
        String url = "/api-keys/authorize?permissions=btcpay.store.canviewinvoices&redirect=https%3A%2F%2Fshop.example%2Fcb";
        assertEquals(Optional.of(url), ReturnTo.local(url));
        assertEquals("/dashboard", ReturnTo.orDashboard(null).toString());
    }

    @Test
    void anythingThatCouldLeaveTheServerIsRefused() {
        for (String bad : new String[] {"https://evil.example/", "//evil.example/x", "/\\evil.example", "\\\\evil.example",
                "javascript:alert(1)", "dashboard", "", "/a b", "/a\tb", "/x\u0000", "/" + "a".repeat(ReturnTo.MAX)}) {
            assertFalse(ReturnTo.local(bad).isPresent(), bad);
            assertEquals("/dashboard", ReturnTo.orDashboard(bad).toString(), bad);
        }
    }

    @Test
    void theLoginFormCarriesOnlyALocalReturnTo() {
        assertTrue(LoginPage.render(null, null, null, "/api-keys/authorize?a=1&b=2")
                .contains("<input type=\"hidden\" name=\"returnTo\" value=\"/api-keys/authorize?a=1&amp;b=2\">"));
        assertFalse(LoginPage.render(null, null, null, "//evil.example").contains("returnTo"));
    }
}
