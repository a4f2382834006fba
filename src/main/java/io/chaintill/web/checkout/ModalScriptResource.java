package io.chaintill.web.checkout;

import io.chaintill.web.WebAssets;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * {@code /modal/btcpay.js}: the script shops load from the payment server to show the checkout in a frame
 * (BTCPay's path, so integrations written for BTCPay find it). It lives in web/assets/modal/.
 */
@Path("modal/btcpay.js")
public class ModalScriptResource {
    @GET
    public Response script() {
        return WebAssets.serve("modal/btcpay.js", "text/javascript; charset=utf-8");
    }
}
