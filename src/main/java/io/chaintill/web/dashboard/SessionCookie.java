package io.chaintill.web.dashboard;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Duration;

/**
 * The dashboard's session cookie. HttpOnly (scripts never see it), SameSite=Strict (other sites' pages cannot
 * make the browser send it), Path=/ (the SPA calls /api/v1 with it), Secure whenever the request came over https.
 */
public final class SessionCookie {
    public static final String NAME = "chaintill_session";

    private SessionCookie() {
    }

    public static String value(HttpHeaders headers) {
        Cookie c = headers.getCookies().get(NAME);
        return c == null ? null : c.getValue();
    }

    public static String set(String token, Duration maxAge, boolean secure) {
        return NAME + "=" + token + "; Path=/; Max-Age=" + maxAge.toSeconds() + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    public static String expire(boolean secure) {
        return NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
