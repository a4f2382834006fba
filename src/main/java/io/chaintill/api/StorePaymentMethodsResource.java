package io.chaintill.api;

import io.chaintill.application.AddressGap;
import io.chaintill.application.Caller;
import io.chaintill.application.StoreService;
import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.payment.PaymentMethodId;
import io.chaintill.domain.store.PaymentMethodConfig;
import io.chaintill.json.Json;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;

/**
 * A store's payment methods, in both Greenfield generations: {@code payment-methods/BTC-CHAIN} with
 * {enabled, config} and the older {@code payment-methods/onchain/BTC} with {enabled, derivationScheme}.
 */
@Path("api/v1/stores/{storeId}/payment-methods")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StorePaymentMethodsResource {
    static final int MAX_PREVIEW = 1000;

    @Inject
    StoreService stores;
    @Inject
    AddressGap gaps;
    @Context
    ContainerRequestContext request;
    @PathParam("storeId")
    String storeId;

    @GET
    public JsonArray list(@QueryParam("onlyEnabled") @DefaultValue("false") boolean onlyEnabled) {
        var out = Json.createArrayBuilder();
        stores.paymentMethods(Callers.required(request), storeId).stream()
                .filter(m -> !onlyEnabled || m.enabled()).forEach(m -> out.add(of(m)));
        return out.build();
    }

    @GET
    @Path("{paymentMethodId}")
    public JsonObject get(@PathParam("paymentMethodId") String id) {
        return of(stores.paymentMethod(Callers.required(request), storeId, method(id)));
    }

    /**
     * Greenfield 2: {"enabled": true, "config": "xpub..." | {"derivationScheme": "...", "label": ...}}. The config
     * object may carry "paymentTolerance" (ChainTill addition: percent, this method's own tolerance).
     */
    @PUT
    @Path("{paymentMethodId}")
    public JsonObject put(@PathParam("paymentMethodId") String id, String body) {
        JsonInput in = JsonInput.parse(body);
        JsonValue config = in.raw("config");
        String scheme;
        String label = null;
        String keyPath = null;
        BigDecimal tolerance = null;
        if (config instanceof JsonString s) {
            scheme = s.getString();
        } else if (config instanceof JsonObject) {
            JsonInput c = in.object("config");
            scheme = c.requiredString("derivationScheme");
            label = c.string("label");
            keyPath = c.string("accountKeyPath");
            tolerance = c.decimal("paymentTolerance");
        } else if (config == null && in.has("enabled")) {
            // BTCPay keeps the stored config when only "enabled" is sent: a toggle
            return of(stores.enable(Callers.required(request), storeId, method(id), !Boolean.FALSE.equals(in.bool("enabled"))));
        } else {
            throw new InvalidInputException("config", "is required: the extended public key (xpub, ypub, zpub, tpub ...)");
        }
        boolean enabled = !Boolean.FALSE.equals(in.bool("enabled"));
        try {
            return of(stores.configure(Callers.required(request), storeId, method(id), enabled, scheme, label, keyPath,
                    tolerance));
        } catch (InvalidInputException e) {
            throw asConfigField(e);
        }
    }

    @DELETE
    @Path("{paymentMethodId}")
    public Response delete(@PathParam("paymentMethodId") String id) {
        stores.removePaymentMethod(Callers.required(request), storeId, method(id));
        return Response.ok().build();
    }

    @GET
    @Path("{paymentMethodId}/preview")
    public JsonObject preview(@PathParam("paymentMethodId") String id, @QueryParam("offset") @DefaultValue("0") int offset,
                              @QueryParam("count") @DefaultValue("10") int count) {
        return preview(Callers.required(request), method(id), null, offset, count, "count");
    }

    /** Greenfield 2's path for {@link #preview}. */
    @GET
    @Path("{paymentMethodId}/wallet/preview")
    public JsonObject walletPreview(@PathParam("paymentMethodId") String id, @QueryParam("offset") @DefaultValue("0") int offset,
                                    @QueryParam("count") @DefaultValue("10") int count) {
        return preview(id, offset, count);
    }

    /** Greenfield 2: preview {"derivationScheme": "..."} before saving it. */
    @POST
    @Path("{paymentMethodId}/wallet/preview")
    public JsonObject walletPreviewUnsaved(@PathParam("paymentMethodId") String id, String body,
                                           @QueryParam("offset") @DefaultValue("0") int offset,
                                           @QueryParam("count") @DefaultValue("10") int count) {
        return previewProposed(method(id), body, offset, count, "count");
    }

    /**
     * ChainTill addition: preview the first addresses of a key before saving it, for any payment method
     * ({"config": "xpub..."}), so a merchant can compare them with the wallet first.
     */
    @POST
    @Path("{paymentMethodId}/preview")
    public JsonObject previewUnsavedConfig(@PathParam("paymentMethodId") String id, String body,
                                           @QueryParam("offset") @DefaultValue("0") int offset,
                                           @QueryParam("count") @DefaultValue("10") int count) {
        String scheme = JsonInput.parse(body).requiredString("config");
        try {
            return preview(Callers.required(request), method(id), scheme, offset, count, "count");
        } catch (InvalidInputException e) {
            throw asConfigField(e);
        }
    }

    // ---- Greenfield 1: /payment-methods/onchain/{cryptoCode} ----

    @GET
    @Path("onchain")
    public JsonArray listOnchain(@QueryParam("enabled") Boolean enabled) {
        var out = Json.createArrayBuilder();
        stores.paymentMethods(Callers.required(request), storeId).stream()
                .filter(m -> "CHAIN".equals(m.paymentMethodId().kind()))
                .filter(m -> enabled == null || m.enabled() == enabled).forEach(m -> out.add(legacy(m)));
        return out.build();
    }

    @GET
    @Path("onchain/{cryptoCode}")
    public JsonObject getOnchain(@PathParam("cryptoCode") String cryptoCode) {
        return legacy(stores.paymentMethod(Callers.required(request), storeId, onchain(cryptoCode)));
    }

    @PUT
    @Path("onchain/{cryptoCode}")
    public JsonObject putOnchain(@PathParam("cryptoCode") String cryptoCode, String body) {
        JsonInput in = JsonInput.parse(body);
        String scheme = in.requiredString("derivationScheme");
        boolean enabled = !Boolean.FALSE.equals(in.bool("enabled"));
        return legacy(stores.configure(Callers.required(request), storeId, onchain(cryptoCode), enabled, scheme,
                in.string("label"), in.string("accountKeyPath"), in.decimal("paymentTolerance")));
    }

    @DELETE
    @Path("onchain/{cryptoCode}")
    public Response deleteOnchain(@PathParam("cryptoCode") String cryptoCode) {
        stores.removePaymentMethod(Callers.required(request), storeId, onchain(cryptoCode));
        return Response.ok().build();
    }

    @GET
    @Path("onchain/{cryptoCode}/preview")
    public JsonObject previewOnchain(@PathParam("cryptoCode") String cryptoCode,
                                     @QueryParam("offset") @DefaultValue("0") int offset,
                                     @QueryParam("amount") @DefaultValue("10") int amount) {
        return preview(Callers.required(request), onchain(cryptoCode), null, offset, amount, "amount");
    }

    /** Preview a key before saving it: {"derivationScheme": "..."} in the body. */
    @POST
    @Path("onchain/{cryptoCode}/preview")
    public JsonObject previewUnsaved(@PathParam("cryptoCode") String cryptoCode, String body,
                                     @QueryParam("offset") @DefaultValue("0") int offset,
                                     @QueryParam("amount") @DefaultValue("10") int amount) {
        return previewProposed(onchain(cryptoCode), body, offset, amount, "amount");
    }

    /** Both BTCPay generations propose the key as {"derivationScheme": "..."}. */
    private JsonObject previewProposed(PaymentMethodId method, String body, int offset, int count, String countField) {
        Caller caller = Callers.required(request); // who asks comes before what the body says
        String scheme = JsonInput.parse(body).requiredString("derivationScheme");
        return preview(caller, method, scheme, offset, count, countField);
    }

    /** This generation of the API calls the key "config"; the message stays the handler's own. */
    private static InvalidInputException asConfigField(InvalidInputException e) {
        if ("label".equals(e.field()) || "accountKeyPath".equals(e.field()) || "paymentTolerance".equals(e.field())) {
            return new InvalidInputException("config." + e.field(), e.getMessage());
        }
        return "derivationScheme".equals(e.field()) ? new InvalidInputException("config", e.getMessage()) : e;
    }

    /** @param countField the query parameter carrying the count: {@code count} in Greenfield 2, {@code amount} in 1 */
    private JsonObject preview(Caller caller, PaymentMethodId method, String scheme, int offset, int count, String countField) {
        if (count < 1 || count > MAX_PREVIEW) {
            throw new InvalidInputException(countField, "must be between 1 and " + MAX_PREVIEW);
        }
        if (offset < 0 || offset > Integer.MAX_VALUE - count) {
            throw new InvalidInputException("offset", "must be between 0 and " + (Integer.MAX_VALUE - count));
        }
        var preview = stores.preview(caller, storeId, method, scheme, offset, count);
        var addresses = Json.createArrayBuilder();
        for (int i = 0; i < preview.addresses().size(); i++) {
            addresses.add(Json.createObjectBuilder().add("keyPath", "0/" + (offset + i)).add("address", preview.addresses().get(i)));
        }
        return Json.createObjectBuilder().add("addresses", addresses).build();
    }

    private static PaymentMethodId method(String id) {
        return PaymentMethodId.parse(id, "paymentMethodId");
    }

    private static PaymentMethodId onchain(String cryptoCode) {
        return PaymentMethodId.parse(cryptoCode + "-CHAIN", "cryptoCode");
    }

    private JsonObject of(PaymentMethodConfig m) {
        var config = Json.createObjectBuilder().add("derivationScheme", m.derivationScheme());
        InvoiceJson.nullable(config, "label", m.label());
        InvoiceJson.nullable(config, "accountKeyPath", m.accountKeyPath());
        tolerance(config, m);
        var b = Json.createObjectBuilder()
                .add("paymentMethodId", m.paymentMethodId().toString())
                .add("enabled", m.enabled())
                .add("config", config);
        if (m.keyId() != null) {
            AddressGap.Report gap = gaps.of(m.keyId());
            var g = Json.createObjectBuilder().add("unusedAddressesInARow", gap.unusedInARow()).add("gapLimit", gap.gapLimit());
            InvoiceJson.nullable(g, "warning", gap.warning());
            b.add("gap", g);
        }
        return b.build();
    }

    private static JsonObject legacy(PaymentMethodConfig m) {
        var b = Json.createObjectBuilder()
                .add("enabled", m.enabled())
                .add("cryptoCode", m.paymentMethodId().currency())
                .add("paymentMethod", m.paymentMethodId().currency()) // BTCPay 1.x's normalized id of BTC-OnChain
                .add("derivationScheme", m.derivationScheme());
        InvoiceJson.nullable(b, "label", m.label());
        InvoiceJson.nullable(b, "accountKeyPath", m.accountKeyPath());
        tolerance(b, m);
        return b.build();
    }

    private static void tolerance(JsonObjectBuilder b, PaymentMethodConfig m) {
        if (m.paymentTolerance() != null) {
            b.add("paymentTolerance", m.paymentTolerance());
        }
    }
}
