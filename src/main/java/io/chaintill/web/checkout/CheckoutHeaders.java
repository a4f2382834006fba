package io.chaintill.web.checkout;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Security headers on every buyer-facing response (/i/..., /checkout/...): the page loads only its own script,
 * style and images, is never framed, and leaks no referrer. Applied here once so the HTML, the 404 page, the status
 * JSON and the event stream cannot differ. The one exception is BTCPay's modal view ({@code /invoice?id=..&view=modal}):
 * shops frame it, so it names who may ({@link FrameAncestors}) instead of refusing every frame. Nothing on the page
 * changes state (no form, no login), so being framed offers a clickjacker nothing to click for the buyer.
 */
@Provider
public class CheckoutHeaders implements ContainerResponseFilter {
    private static final String BASE = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors ";
    public static final String CSP = BASE + "'none'";
    private static volatile String modalCsp;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        boolean modal = path.equalsIgnoreCase("invoice");
        if (!modal && !path.startsWith("i/") && !path.startsWith("checkout/")) {
            return;
        }
        MultivaluedMap<String, Object> h = response.getHeaders();
        h.putSingle("Content-Security-Policy", modal ? modalCsp() : CSP);
        h.putSingle("X-Content-Type-Options", "nosniff");
        h.putSingle("Referrer-Policy", "no-referrer");
        if (!modal) {
            h.putSingle("X-Frame-Options", "DENY"); // X-Frame-Options has no allow-list browsers honour: CSP only there
        }
    }

    private static String modalCsp() {
        if (modalCsp == null) {
            modalCsp = BASE + FrameAncestors.directive(ConfigProvider.getConfig()
                    .getOptionalValue("chaintill.checkout.frame-ancestors", String.class).orElse("*"));
        }
        return modalCsp;
    }
}
