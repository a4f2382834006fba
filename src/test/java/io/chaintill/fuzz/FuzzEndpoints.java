package io.chaintill.fuzz;

import static io.chaintill.fuzz.FuzzOp.delete;
import static io.chaintill.fuzz.FuzzOp.get;
import static io.chaintill.fuzz.FuzzOp.send;

import java.util.List;

/**
 * Every endpoint family with a valid request to start from. Placeholders: {store}, {invoice}, {marked} (an
 * invoice the status endpoint may settle), {webhook}, {delivery}, {pm}; key material comes from {@link FuzzKeys}.
 */
final class FuzzEndpoints {
    static final String INVOICE_QUERY = "status,orderId,textSearch,startDate,endDate,skip,take,includeArchived";

    private FuzzEndpoints() {
    }

    static List<FuzzOp> users() {
        return List.of(
                send("POST", "/api/v1/users", "{\"email\":\"fuzz-user@chaintill.test\",\"password\":\"fuzz password 1\","
                        + "\"isAdministrator\":false}"),
                get("/api/v1/users/me"));
    }

    static List<FuzzOp> apiKeys() {
        return List.of(
                send("POST", "/api/v1/api-keys", "{\"label\":\"fuzz\",\"permissions\":[\"btcpay.store.canviewinvoices\"]}"),
                get("/api/v1/api-keys/current"), get("/api/v1/api-keys"),
                delete("/api/v1/api-keys/{apikey}"), delete("/api/v1/api-keys/id/{apikey}"));
    }

    static List<FuzzOp> stores() {
        return List.of(
                send("POST", "/api/v1/stores", storeBody("Fuzz shop")),
                send("PUT", "/api/v1/stores/{store}", storeBody("Fuzz shop")),
                get("/api/v1/stores"), get("/api/v1/stores/{store}"), delete("/api/v1/stores/{store}"),
                get("/api/v1/stores/{store}/stats", "days"));
    }

    static List<FuzzOp> paymentMethods(FuzzKeys keys, boolean ethereum) {
        String m = "/api/v1/stores/{store}/payment-methods/";
        List<FuzzOp> btc = List.of(
                send("PUT", m + "BTC-CHAIN", "{\"enabled\":true,\"config\":\"" + keys.vpub + "\"}", "config"),
                send("PUT", m + "BTC-CHAIN", "{\"enabled\":true,\"config\":{\"derivationScheme\":\"" + keys.vpub
                        + "\",\"label\":\"fuzz wallet\",\"accountKeyPath\":\"84'/1'/0'\"}}", "config.derivationScheme"),
                send("PUT", m + "onchain/BTC", "{\"enabled\":true,\"derivationScheme\":\"" + keys.vpub
                        + "\",\"label\":\"fuzz wallet\",\"accountKeyPath\":\"84'/1'/0'\"}", "derivationScheme"),
                send("POST", m + "{pm}/preview", "{\"config\":\"" + keys.vpub + "\"}", "config").withQuery("offset", "count"),
                send("POST", m + "onchain/BTC/preview", "{\"derivationScheme\":\"" + keys.vpub + "\"}", "derivationScheme")
                        .withQuery("offset", "amount"),
                get(m + "{pm}/preview", "offset", "count"), get(m + "onchain/BTC/preview", "offset", "amount"),
                get(m + "{pm}/addresses", "all"), get("/api/v1/stores/{store}/payment-methods"), get(m + "{pm}"),
                get(m + "onchain/{crypto}"), delete(m + "{pm}"), delete(m + "onchain/{crypto}"));
        if (!ethereum) {
            return btc;
        }
        List<FuzzOp> all = new java.util.ArrayList<>(btc);
        all.add(send("PUT", m + "ETH-CHAIN", "{\"enabled\":true,\"config\":\"" + keys.ethXpub + "\"}", "config"));
        all.add(send("PUT", m + "USDT-ERC20", "{\"enabled\":true,\"config\":\"" + keys.ethXpub + "\"}", "config"));
        all.add(send("POST", m + "ETH-CHAIN/preview", "{\"config\":\"" + keys.ethXpub + "\"}", "config"));
        all.add(get(m + "ETH-CHAIN/preview", "offset", "count"));
        return all;
    }

    static List<FuzzOp> invoices() {
        String i = "/api/v1/stores/{store}/invoices";
        String[] query = INVOICE_QUERY.split(",");
        return List.of(
                send("POST", i, "{\"amount\":\"1.5\",\"currency\":\"USD\",\"metadata\":{\"orderId\":\"fuzz-1\","
                        + "\"buyerEmail\":\"buyer@chaintill.test\",\"itemDesc\":\"a thing\"},\"checkout\":{\"speedPolicy\":"
                        + "\"MediumSpeed\",\"paymentMethods\":[\"BTC-CHAIN\"],\"expirationMinutes\":60,\"monitoringMinutes\":"
                        + "120,\"paymentTolerance\":0,\"redirectURL\":\"https://shop.example/done\",\"redirectAutomatically\":"
                        + "false,\"defaultLanguage\":\"en\",\"defaultPaymentMethod\":\"BTC-CHAIN\"},"
                        + "\"additionalSearchTerms\":[\"fuzz\"]}"),
                get(i, query), get(i, query), get(i + "/export.csv", query), get(i + "/{invoice}"),
                send("PUT", i + "/{invoice}", "{\"metadata\":{\"orderId\":\"fuzz-1\",\"itemDesc\":\"a thing\"}}"),
                send("POST", i + "/{marked}/status", "{\"status\":\"Invalid\"}"),
                delete(i + "/{invoice}"), send("POST", i + "/{invoice}/unarchive", null),
                get(i + "/{invoice}/payment-methods"), get(i + "/{invoice}/events"),
                get(i + "/{invoice}/webhook-deliveries"));
    }

    static List<FuzzOp> webhooks() {
        String w = "/api/v1/stores/{store}/webhooks";
        String body = "{\"url\":\"https://203.0.113.7/hook\",\"secret\":\"fuzz webhook secret 1\",\"enabled\":false,"
                + "\"automaticRedelivery\":false,\"authorizedEvents\":{\"everything\":false,\"specificEvents\":"
                + "[\"InvoiceSettled\"]}}";
        return List.of(send("POST", w, body), send("PUT", w + "/{webhook}", body), get(w), get(w + "/{webhook}"),
                delete(w + "/{webhook}"), get(w + "/{webhook}/deliveries", "count"),
                get(w + "/{webhook}/deliveries/{delivery}"), get(w + "/{webhook}/deliveries/{delivery}/request"),
                send("POST", w + "/{webhook}/deliveries/{delivery}/redeliver", null));
    }

    /** Public and server-wide endpoints, whose answers do not depend on the database. */
    static List<FuzzOp> server() {
        return List.of(get("/api/v1/health", "checks"), get("/api/v1/server/info"),
                get("/api/v1/stores/{store}/rates", "currencyPair"),
                send("POST", "/api/v1/chains/BTC/transactions", "{\"hex\":\"0200000001\"}"),
                get("/i/{invoice}", "lang", "method"), get("/i/{invoice}/{pm}/qr.png", "size"),
                get("/i/{invoice}/{pm}/qr.svg", "size"), get("/checkout/{invoice}/status", "lang"),
                get("/checkout/{invoice}/events", "lang"), get("/dashboard/login", "expired"), get("/dashboard/{page}"),
                get("/assets/{asset}"), get("/assets/checkout/{asset}"), get("/openapi"));
    }

    private static String storeBody(String name) {
        return "{\"name\":\"" + name + "\",\"defaultCurrency\":\"USD\",\"website\":\"https://shop.example\","
                + "\"speedPolicy\":\"MediumSpeed\",\"invoiceExpiration\":900,\"monitoringExpiration\":3600,"
                + "\"paymentTolerance\":0,\"rateProviders\":[\"fixed\"]}";
    }
}
