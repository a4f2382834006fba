package io.chaintill.api;

import static io.chaintill.chain.ethereum.EthereumTestWallets.ANVIL_MNEMONIC;
import static io.chaintill.chain.ethereum.EthereumTestWallets.ANVIL_XPUB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.chaintill.chain.ethereum.EthereumTestWallets;
import io.chaintill.support.ApiClient;
import io.chaintill.support.ApiResponse;
import io.chaintill.support.ServerProcess;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Keys;

/**
 * ETH-CHAIN and an ERC-20 token through the Greenfield API of the packaged server: configuring them with an account
 * xpub, previewing addresses, pricing invoices in USD and in the token, payment links and QR codes, and every kind
 * of bad key refused without being echoed. No Ethereum node is configured, so tracking stays off.
 */
class EthereumPaymentMethodsIT {
    private static final String TOKEN_CONTRACT = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    private static final List<String> ANVIL_ADDRESSES = List.of("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
            "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC");
    private static final int H = Bip32ECKeyPair.HARDENED_BIT;

    private static ServerProcess server;
    private static ApiClient api;
    private static String storeId;

    @BeforeAll
    static void start() {
        server = ServerProcess.start(Map.of("CHAINTILL_ETH_CHAIN_ID", "1337",
                "CHAINTILL_ETH_TOKENS", "USDT:" + TOKEN_CONTRACT + ":6", "CHAINTILL_ETH_RPC_URL", ""));
        api = server.api().admin().newKey("unrestricted");
        storeId = api.post("/api/v1/stores", "{\"name\":\"Ether shop\",\"defaultCurrency\":\"USD\"}").expect(200)
                .object().getString("id");
        for (String method : List.of("ETH-CHAIN", "USDT-ERC20")) {
            JsonObject saved = api.put(methodPath(method), "{\"enabled\":true,\"config\":\"" + ANVIL_XPUB + "\"}")
                    .expect(200).object();
            assertEquals(method, saved.getString("paymentMethodId"));
            assertEquals(ANVIL_XPUB, saved.getJsonObject("config").getString("derivationScheme"));
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void serverOffersEtherAndTheConfiguredToken() {
        JsonArray methods = api.get("/api/v1/server/info").expect(200).object().getJsonArray("supportedPaymentMethods");
        assertTrue(methods.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString)
                .toList().containsAll(List.of("ETH-CHAIN", "USDT-ERC20")), methods.toString());
    }

    @Test
    void previewShowsTheWalletsOwnAddresses() {
        for (String method : List.of("ETH-CHAIN", "USDT-ERC20")) {
            JsonArray addresses = api.get(methodPath(method) + "/preview?count=3").expect(200).object().getJsonArray("addresses");
            for (int i = 0; i < 3; i++) {
                assertEquals("0/" + i, addresses.getJsonObject(i).getString("keyPath"));
                assertEquals(ANVIL_ADDRESSES.get(i), addresses.getJsonObject(i).getString("address"));
            }
        }
        JsonArray later = api.get(methodPath("ETH-CHAIN") + "/preview?offset=1&count=1").expect(200).object().getJsonArray("addresses");
        assertEquals(ANVIL_ADDRESSES.get(1), later.getJsonObject(0).getString("address"));
        assertEquals("count", api.get(methodPath("ETH-CHAIN") + "/preview?count=1001").errorPath());
    }

    @Test
    void listAndGetShowBothMethods() {
        assertEquals(ANVIL_XPUB, api.get(methodPath("USDT-ERC20")).expect(200).object()
                .getJsonObject("config").getString("derivationScheme"));
        List<String> ids = api.get("/api/v1/stores/" + storeId + "/payment-methods").expect(200).array()
                .getValuesAs(JsonObject.class).stream().map(o -> o.getString("paymentMethodId")).toList();
        assertTrue(ids.containsAll(List.of("ETH-CHAIN", "USDT-ERC20")), ids.toString());
    }

    @Test
    void usdInvoiceAsksForExactWeiAndTokenUnits() throws Exception {
        String invoiceId = api.createInvoice(storeId, "{\"amount\":\"12.50\",\"currency\":\"USD\"}").getString("id");
        JsonObject eth = prompt(invoiceId, "ETH-CHAIN");
        JsonObject usdt = prompt(invoiceId, "USDT-ERC20");

        // 12.50 USD at the fixed 2500 USD/ETH: 0.005 ETH exactly
        assertEquals("2500", eth.getString("rate"));
        assertEquals("0.005", eth.getString("amount"));
        assertEquals(expectedAddress(eth), eth.getString("destination"));
        assertEquals("ethereum:" + eth.getString("destination") + "@1337?value=5000000000000000", eth.getString("paymentLink"));

        // 12.50 / 1.0002 = 12.4975004999..., rounded up to the token's 6 decimals: never less than the price
        assertEquals("1.0002", usdt.getString("rate"));
        assertEquals("12.497501", usdt.getString("amount"));
        assertEquals(expectedAddress(usdt), usdt.getString("destination"));
        assertEquals("ethereum:" + TOKEN_CONTRACT + "@1337/transfer?address=" + usdt.getString("destination")
                + "&uint256=12497501", usdt.getString("paymentLink"));

        // one address counter for the key: ether and token never share an address
        assertNotEquals(eth.getString("destination"), usdt.getString("destination"));

        assertEquals(eth.getString("paymentLink"), qrText(invoiceId, "ETH-CHAIN"));
        assertEquals(usdt.getString("paymentLink"), qrText(invoiceId, "USDT-ERC20"));
        ApiResponse svg = api.anonymous().get("/i/" + invoiceId + "/ETH-CHAIN/qr.svg").expect(200);
        assertTrue(svg.header("Content-Type").startsWith("image/svg+xml"), svg.header("Content-Type"));
    }

    @Test
    void tokenPricedInvoiceNeedsNoRate() {
        String invoiceId = api.createInvoice(storeId,
                "{\"amount\":\"25.123456\",\"currency\":\"USDT\",\"checkout\":{\"paymentMethods\":[\"USDT-ERC20\"]}}")
                .getString("id");
        JsonObject usdt = prompt(invoiceId, "USDT-ERC20");
        assertEquals("1", usdt.getString("rate"));
        assertEquals("25.123456", usdt.getString("amount"));
        assertEquals("ethereum:" + TOKEN_CONTRACT + "@1337/transfer?address=" + usdt.getString("destination")
                + "&uint256=25123456", usdt.getString("paymentLink"));
    }

    @Test
    void tokenPriceFinerThanTheTokenIsRefused() {
        ApiResponse r = api.post("/api/v1/stores/" + storeId + "/invoices",
                "{\"amount\":\"1.0000001\",\"currency\":\"USDT\",\"checkout\":{\"paymentMethods\":[\"USDT-ERC20\"]}}");
        assertEquals("amount", r.errorPath());
        assertEquals("has more than 6 decimal places for USDT", r.array().getJsonObject(0).getString("message"));
    }

    @Test
    void secretsAreRefusedWithoutEcho() {
        String xprv = EthereumTestWallets.accountXprv(ANVIL_MNEMONIC);
        for (String secret : List.of(xprv, ANVIL_MNEMONIC, "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80")) {
            for (String method : List.of("ETH-CHAIN", "USDT-ERC20")) {
                ApiResponse r = api.put(methodPath(method), "{\"enabled\":true,\"config\":\"" + secret + "\"}");
                assertEquals("config", r.errorPath());
                assertTrue(r.body().contains("only needs the extended PUBLIC key"), r.body());
                assertFalse(r.body().contains(secret), r.body());
                assertFalse(r.body().contains("test test"), r.body());
                assertFalse(r.body().contains("ac0974bec39a17e3"), r.body());
            }
        }
        // the configured key is untouched by the refused attempts
        assertEquals(ANVIL_XPUB, api.get(methodPath("ETH-CHAIN")).expect(200).object()
                .getJsonObject("config").getString("derivationScheme"));
    }

    @Test
    void keysOtherThanTheAccountKeyAreRefused() {
        String depth4 = EthereumTestWallets.serialize(EthereumTestWallets.derive(ANVIL_MNEMONIC, 44 | H, 60 | H, 0 | H, 0), false);
        ApiResponse r = api.put(methodPath("ETH-CHAIN"), "{\"config\":\"" + depth4 + "\"}");
        assertEquals("config", r.errorPath());
        assertEquals("expected the account key m/44'/60'/0' (depth 3); this key is at depth 4",
                r.array().getJsonObject(0).getString("message"));

        String badChecksum = ANVIL_XPUB.substring(0, ANVIL_XPUB.length() - 1) + (ANVIL_XPUB.endsWith("P") ? "Q" : "P");
        r = api.put(methodPath("ETH-CHAIN"), "{\"config\":\"" + badChecksum + "\"}");
        assertEquals("config", r.errorPath());
        assertTrue(r.array().getJsonObject(0).getString("message").contains("wrong characters or checksum"), r.body());
        assertFalse(r.body().contains(badChecksum), r.body());

        // without config, as in BTCPay, only "enabled" changes: the saved key stays
        assertEquals(ANVIL_XPUB, api.put(methodPath("ETH-CHAIN"), "{\"enabled\":true}").expect(200).object()
                .getJsonObject("config").getString("derivationScheme"));
    }

    @Test
    void unknownTokenIsRefusedListingTheSupportedMethods() {
        ApiResponse r = api.put(methodPath("USDC-ERC20"), "{\"enabled\":true,\"config\":\"" + ANVIL_XPUB + "\"}");
        assertEquals("paymentMethodId", r.errorPath());
        String message = r.array().getJsonObject(0).getString("message");
        assertTrue(message.startsWith("payment method USDC-ERC20 is not supported by this server (supported: "), message);
        assertTrue(message.contains("ETH-CHAIN") && message.contains("USDT-ERC20"), message);
    }

    @Test
    void aMethodCanBeRemoved() {
        String other = api.post("/api/v1/stores", "{\"name\":\"Removal\",\"defaultCurrency\":\"USD\"}").expect(200)
                .object().getString("id");
        String path = "/api/v1/stores/" + other + "/payment-methods/USDT-ERC20";
        api.put(path, "{\"enabled\":true,\"config\":\"" + ANVIL_XPUB + "\"}").expect(200);
        api.delete(path).expect(200);
        api.get(path).expect(404);
    }

    private static String methodPath(String method) {
        return "/api/v1/stores/" + storeId + "/payment-methods/" + method;
    }

    private static JsonObject prompt(String invoiceId, String method) {
        return api.get("/api/v1/stores/" + storeId + "/invoices/" + invoiceId + "/payment-methods").expect(200).array()
                .getValuesAs(JsonObject.class).stream().filter(p -> p.getString("paymentMethodId").equals(method))
                .findFirst().orElseThrow(() -> new AssertionError("no " + method + " prompt"));
    }

    /** The address web3j derives from the mnemonic at the prompt's key path: independent of the server's code. */
    private static String expectedAddress(JsonObject prompt) {
        String keyPath = prompt.getJsonObject("additionalData").getString("keyPath");
        int index = Integer.parseInt(keyPath.substring("0/".length()));
        Bip32ECKeyPair child = EthereumTestWallets.derive(ANVIL_MNEMONIC, 44 | H, 60 | H, 0 | H, 0, index);
        return Keys.toChecksumAddress(Keys.getAddress(child));
    }

    private static String qrText(String invoiceId, String method) throws Exception {
        ApiResponse png = api.anonymous().get("/i/" + invoiceId + "/" + method + "/qr.png?size=400").expect(200);
        var image = ImageIO.read(new ByteArrayInputStream(png.bytes()));
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                .getText();
    }
}
