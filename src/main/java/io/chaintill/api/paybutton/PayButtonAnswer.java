package io.chaintill.api.paybutton;

import static io.chaintill.web.Html.escape;

import io.chaintill.json.Json;
import io.chaintill.web.checkout.CheckoutHeaders;
import jakarta.json.JsonStructure;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * What the pay-button endpoint answers. A shop's script (jsonResponse=true, or asking for JSON) gets JSON; a buyer
 * whose browser posted the form gets a short page saying what is wrong, naming the field. Every answer may be read
 * by any origin (BTCPay allows every origin here too: the snippet runs on the shop's own site) and is never cached.
 */
final class PayButtonAnswer {
    private PayButtonAnswer() {
    }

    static Response created(boolean json, String invoiceId, String url) {
        if (json) {
            return json(200, Json.createObjectBuilder().add("invoiceId", invoiceId).add("invoiceUrl", url).build());
        }
        return common(Response.status(Response.Status.FOUND).location(URI.create(url)));
    }

    /** A field's value is wrong: 422 with Greenfield's [{path, message}]. */
    static Response invalid(boolean json, String field, String message) {
        if (json) {
            return json(422, Json.createArrayBuilder().add(Json.createObjectBuilder().add("path", field)
                    .add("message", message)).build());
        }
        return page(422, field + ": " + message);
    }

    static Response refused(boolean json, int status, String code, String message) {
        if (json) {
            return json(status, Json.createObjectBuilder().add("code", code).add("message", message).build());
        }
        return page(status, message);
    }

    static Response preflight() {
        return common(Response.noContent().header("Access-Control-Allow-Methods", "POST")
                .header("Access-Control-Allow-Headers", "Content-Type").header("Access-Control-Max-Age", "600"));
    }

    private static Response json(int status, JsonStructure body) {
        return common(Response.status(status).type("application/json; charset=utf-8").entity(body.toString()));
    }

    private static Response page(int status, String message) {
        String html = "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Payment not started</title>\n"
                + "<link rel=\"stylesheet\" href=\"/assets/checkout/checkout.css\">\n</head>\n<body>\n"
                + "<main class=\"checkout\" data-state=\"error\">\n<h1>The payment could not be started</h1>\n"
                + "<p id=\"error\">" + escape(message) + "</p>\n<p>Please go back to the shop and try again, or tell the shop.</p>\n"
                + "</main>\n</body>\n</html>\n";
        return common(Response.status(status).type("text/html; charset=utf-8").entity(html)
                .header("Content-Security-Policy", CheckoutHeaders.CSP).header("X-Content-Type-Options", "nosniff"));
    }

    private static Response common(Response.ResponseBuilder b) {
        return b.header("Access-Control-Allow-Origin", "*").header("Cache-Control", "no-store").build();
    }
}
