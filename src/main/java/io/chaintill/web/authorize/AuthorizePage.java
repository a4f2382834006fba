package io.chaintill.web.authorize;

import io.chaintill.domain.access.ApplicationGrant;
import io.chaintill.web.Html;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The consent page: who asks, where the key will go, each permission in plain words, the store choice
 * ({@code selectiveStores}) and, unless {@code strict}, a box per permission to leave out. A plain form, so it works
 * without JavaScript; the request travels in hidden fields and is checked again when the form comes back.
 */
final class AuthorizePage {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy").withZone(ZoneOffset.UTC);

    /** A store the user may grant access to. */
    record StoreChoice(String id, String name) {
    }

    /**
     * @param granted  permissions ticked (all of them on first display)
     * @param chosen   stores ticked
     * @param previous an earlier key of this application that fits the request, or null
     * @param error    why the last answer was not accepted, or null
     */
    record View(AuthorizeRequest request, String email, String csrf, List<StoreChoice> stores, Set<String> granted,
            Set<String> chosen, ApplicationGrant previous, String error) {
    }

    private AuthorizePage() {
    }

    static String render(View v) {
        AuthorizeRequest r = v.request();
        String app = AuthorizeLayout.applicationName(r);
        StringBuilder b = new StringBuilder(4096);
        b.append("<h1>Authorize ").append(Html.escape(app)).append("</h1>")
                .append("<p>").append(Html.escape(app)).append(" asks for an API key of your ChainTill account <strong>")
                .append(Html.escape(v.email())).append("</strong>.</p>");
        if (r.redirect() != null) {
            b.append("<p>The key will be sent to <span class=\"destination\" id=\"destination\">")
                    .append(Html.escape(r.redirectOrigin())).append("</span>.</p>");
        } else {
            b.append("<p>The key will be shown on the next page, once, for you to copy into the application.</p>");
        }
        if (v.error() != null) {
            b.append("<p class=\"form-error\" role=\"alert\" id=\"authorize-error\">").append(Html.escape(v.error())).append("</p>");
        }
        b.append("<form class=\"panel\" method=\"post\" action=\"/api-keys/authorize\">")
                .append(AuthorizeLayout.hidden("csrf", v.csrf()));
        for (Map.Entry<String, String> p : r.parameters()) {
            b.append(AuthorizeLayout.hidden(p.getKey(), p.getValue()));
        }
        if (v.previous() != null) {
            renderPrevious(b, v, app);
        } else {
            renderChoices(b, v);
        }
        b.append("</form>");
        return AuthorizeLayout.document("Authorize " + app, b.toString(), null);
    }

    private static void renderPrevious(StringBuilder b, View v, String app) {
        b.append("<p class=\"flash info\" id=\"previous\">You authorized ").append(Html.escape(app)).append(" before, on ")
                .append(DAY.format(v.previous().createdAt()))
                .append(". Approving sends it a new key with the same permissions; the previous key stops working.</p>")
                .append("<ul class=\"permissions\">");
        for (String p : v.previous().permissions()) {
            b.append("<li>").append(Html.escape(PermissionText.describe(ApplicationGrant.policyOf(p))))
                    .append(scopeText(p, v.stores())).append("<code>").append(Html.escape(p)).append("</code></li>");
        }
        b.append("</ul><div class=\"actions\"><button type=\"submit\" name=\"command\" value=\"renew\" id=\"approve\">Approve</button>")
                .append("<button type=\"submit\" name=\"command\" value=\"cancel\" class=\"secondary\" id=\"cancel\">Cancel</button></div>");
    }

    private static void renderChoices(StringBuilder b, View v) {
        AuthorizeRequest r = v.request();
        b.append("<fieldset><legend>It may</legend>");
        if (!r.strict()) {
            b.append("<p class=\"hint muted\">Untick what you do not want to allow.</p>");
        }
        b.append("<ul class=\"permissions\">");
        int i = 0;
        for (String p : r.permissions()) {
            String text = Html.escape(PermissionText.describe(ApplicationGrant.policyOf(p))) + scopeText(p, v.stores());
            if (r.strict()) {
                b.append("<li>").append(text);
            } else {
                String id = "grant-" + i;
                b.append("<li class=\"check\"><input type=\"checkbox\" name=\"grant\" id=\"").append(id).append("\" value=\"")
                        .append(Html.escape(p)).append("\"").append(v.granted().contains(p) ? " checked" : "").append(">")
                        .append("<label for=\"").append(id).append("\">").append(text);
            }
            b.append("<code>").append(Html.escape(p)).append("</code>").append(r.strict() ? "</li>" : "</label></li>");
            i++;
        }
        b.append("</ul></fieldset>");
        boolean canApprove = true;
        if (r.selectiveStores() && r.asksForStorePermission()) {
            b.append("<fieldset><legend>On these stores</legend>");
            if (v.stores().isEmpty()) {
                b.append("<p id=\"no-stores\">You have no store yet. Create one in the <a href=\"/dashboard\">dashboard</a>, then come back.</p>");
                canApprove = false;
            }
            for (StoreChoice s : v.stores()) {
                String id = "store-" + Html.escape(s.id());
                b.append("<div class=\"check\"><input type=\"checkbox\" name=\"storeId\" id=\"").append(id).append("\" value=\"")
                        .append(Html.escape(s.id())).append("\"").append(v.chosen().contains(s.id()) ? " checked" : "").append(">")
                        .append("<label for=\"").append(id).append("\">").append(Html.escape(s.name()))
                        .append(" <code>").append(Html.escape(s.id())).append("</code></label></div>");
            }
            b.append("</fieldset>");
        } else if (r.asksForStorePermission()) {
            b.append("<p class=\"muted\">Store permissions apply to every store you have access to.</p>");
        }
        b.append("<div class=\"actions\">");
        if (canApprove) {
            b.append("<button type=\"submit\" name=\"command\" value=\"approve\" id=\"approve\">Approve</button>");
        }
        b.append("<button type=\"submit\" name=\"command\" value=\"cancel\" class=\"secondary\" id=\"cancel\">Cancel</button></div>");
    }

    /** " (store Name)" for a permission already scoped to a store by the application. */
    private static String scopeText(String permission, List<StoreChoice> stores) {
        int colon = permission.indexOf(':');
        if (colon < 0) {
            return "";
        }
        String id = permission.substring(colon + 1);
        String name = stores.stream().filter(s -> s.id().equals(id)).map(StoreChoice::name).findFirst().orElse(id);
        return " (store " + Html.escape(name) + ")";
    }
}
