package io.chaintill.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.domain.access.Policy;
import io.chaintill.support.ApiClient;
import io.chaintill.support.ApiResponse;
import io.chaintill.support.ChainTillDeployment;
import io.chaintill.support.WebhookReceiver;
import jakarta.json.JsonObject;
import java.net.URL;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every Greenfield permission, unscoped and scoped (to the target store and to another one), against every
 * operation {@code operations.tsv} marks supported, partly or chaintill, each answer compared with that table's
 * permission column (the same column docs/api.md shows). Then the holes of issue 11 kept closed: scope injection,
 * minting beyond one's rights, revoked keys, cross-store access and a non-administrator's keys.
 */
@ExtendWith(ArquillianExtension.class)
class PermissionMatrixIT {
    /**
     * Where ChainTill deliberately asks for another permission than BTCPay's document, and why: operationId ->
     * {BTCPay's permission as the table has it, what ChainTill asks}. Nothing else may differ; a row that changes
     * in the table fails the suite until this list is looked at again.
     */
    private static final Map<String, List<String>> DEVIATIONS = Map.of(
            // every key may read itself; the document's canmanageusers would lock out every store key
            "ApiKeys_GetCurrentApiKey", List.of("btcpay.server.canmanageusers", "authenticated"),
            // ChainTill has no wallet permissions yet: previewing a store's addresses is reading its settings
            "StoreOnChainPaymentMethods_GetOnChainPaymentMethodPreview",
            List.of("btcpay.store.canviewwallet", "btcpay.store.canviewstoresettings"),
            "StoreOnChainPaymentMethods_POSTOnChainPaymentMethodPreview",
            List.of("btcpay.store.canmanagewalletsettings", "btcpay.store.canviewstoresettings"),
            // BTCPay's code asks cancreatenonapprovedpullpayments, which is what shop plugins request for refunds
            "Invoices_Refund", List.of("btcpay.store.cancreatepullpayments", "btcpay.store.cancreatenonapprovedpullpayments"),
            // canmanagepullpayments does not include the permissions made for reading them: either will do
            "PullPayments_GetPullPayments",
            List.of("btcpay.store.canmanagepullpayments", "btcpay.store.canmanagepullpayments,btcpay.store.canviewpullpayments"),
            "GetStorePayout",
            List.of("btcpay.store.canmanagepullpayments", "btcpay.store.canmanagepullpayments,btcpay.store.canviewpayouts"));
    /** Store lists answer a store-scoped key with the stores it covers. */
    private static final Set<String> SCOPED_WITHOUT_STORE_IN_PATH = Set.of("Stores_GetStores");
    private static final String UNRELATED_PLUGIN = "btcpay.plugin.store.matrix.canfly";

    private static ApiClient login;
    private static ApiClient admin;
    private static ApiClient bobLogin;
    private static ApiClient bob;
    private static String bobStore;
    private static Fixture shared;
    private static Fixture other;
    private static WebhookReceiver hooks;
    private static final DeterministicKey MASTER = HDKeyDerivation.createMasterPrivateKey(new SecureRandom().generateSeed(32));
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final Map<String, ApiClient> KEYS = new HashMap<>();

    @ArquillianResource
    URL url;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ChainTillDeployment.war();
    }

    record Fixture(String storeId, String vpub, String invoiceId, String webhookId) {
    }

    record Operation(String id, String method, String path, String permission) {
        /** The target store is named in the path, or found from the invoice or webhook it names. */
        boolean storeInPath() {
            return path.contains("{storeId}") || storeLess();
        }

        /** Store-less forms ({@code /invoices/{id}}) answer 404 to a caller with no rights on the thing's store. */
        boolean storeLess() {
            return !path.contains("{storeId}") && (path.contains("{invoiceId}") || path.contains("{webhookId}")
                    || path.contains("{pullPaymentId}") || path.contains("{payoutId}"));
        }
    }

    @BeforeEach
    void connect() {
        if (admin == null) {
            hooks = WebhookReceiver.start();
            login = ApiClient.at(url).admin();
            admin = login.newKey("unrestricted");
            shared = fixture("Matrix shop");
            other = fixture("Matrix other shop");
            admin.post("/api/v1/users", "{\"email\":\"bob@matrix.test\",\"password\":\"bob-password-1\"}").expect(201);
            bobLogin = login.anonymous().withLogin("bob@matrix.test", "bob-password-1");
            bob = bobLogin.newKey("unrestricted");
            bobStore = bob.post("/api/v1/stores", "{\"name\":\"Bob's shop\"}").expect(200).object().getString("id");
        }
    }

    @AfterAll
    static void stop() {
        if (hooks != null) {
            hooks.close();
        }
    }

    /** A vpub of this run's own random wallet, a new account for each store. */
    private static String freshVpub() {
        DeterministicKey key = MASTER;
        for (int n : new int[] {84, 1, ACCOUNTS.getAndIncrement()}) {
            key = HDKeyDerivation.deriveChildKey(key, new ChildNumber(n, true));
        }
        return key.serializePubB58(BitcoinNetwork.TESTNET, ScriptType.P2WPKH);
    }

    private static Fixture fixture(String name) {
        String vpub = freshVpub();
        String store = admin.post("/api/v1/stores", "{\"name\":\"" + name + "\",\"defaultCurrency\":\"USD\"}")
                .expect(200).object().getString("id");
        admin.put("/api/v1/stores/" + store + "/payment-methods/BTC-CHAIN", "{\"enabled\":true,\"config\":\"" + vpub + "\"}")
                .expect(200);
        String webhook = admin.addWebhook(store, hooks.url("/matrix")).object().getString("id");
        String invoice = admin.createInvoice(store, "{\"amount\":\"1\"}").getString("id");
        return new Fixture(store, vpub, invoice, webhook);
    }

    private static List<Operation> operations() throws Exception {
        List<Operation> out = new ArrayList<>();
        try (var in = PermissionMatrixIT.class.getResourceAsStream("/greenfield/operations.tsv")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                String[] c = line.split("\t", -1);
                if (line.startsWith("#") || c.length < 5 || c[0].equals("operationId")) {
                    continue;
                }
                if (Set.of("supported", "partly", "chaintill").contains(c[4]) && c[2].startsWith("/api/v1/")
                        && !c[3].equals("public")) {
                    List<String> deviation = DEVIATIONS.get(c[0]);
                    if (deviation != null) {
                        assertEquals(deviation.get(0), c[3], c[0] + " changed in operations.tsv: look at DEVIATIONS again");
                    }
                    out.add(new Operation(c[0], c[1], c[2], deviation == null ? c[3] : deviation.get(1)));
                }
            }
        }
        return out;
    }

    /** A client holding exactly this one permission, minted by the administrator's unrestricted key. */
    private static ApiClient holding(String permission) {
        return KEYS.computeIfAbsent(permission, p -> admin.newKey(p));
    }

    private static String path(Operation op, Fixture f) {
        String p = op.path().replace("{storeId}", f.storeId()).replace("{invoiceId}", f.invoiceId())
                .replace("{webhookId}", f.webhookId()).replace("{paymentMethodId}", "BTC-CHAIN").replace("{cryptoCode}", "BTC")
                .replace("{deliveryId}", "NoSuchDelivery1111111");
        if (p.contains("{apikey}")) {
            p = p.replace("{apikey}", admin.newKey().apiKey());
        }
        if (p.contains("{keyId}")) {
            p = p.replace("{keyId}", sha256(admin.newKey().apiKey()));
        }
        return p.replaceAll("\\{[^}]+}", "unknown");
    }

    private static String body(Operation op, Fixture f) {
        if (!op.method().equals("POST") && !op.method().equals("PUT")) {
            return null;
        }
        return switch (op.id()) {
            case "ApiKeys_CreateApiKey" -> "{\"permissions\":[\"unrestricted\"]}";
            case "Stores_CreateStore" -> "{\"name\":\"Made by the matrix\"}";
            case "Stores_UpdateStore" -> "{\"name\":\"Renamed by the matrix\"}";
            case "Invoices_CreateInvoice" -> "{\"amount\":\"1\"}";
            case "StorePaymentMethods_UpdateStorePaymentMethod" -> "{\"enabled\":true,\"config\":\"" + f.vpub() + "\"}";
            case "ChainTill_UpdateOnChainPaymentMethod", "ChainTill_PostOnChainPaymentMethodPreview",
                    "StoreOnChainPaymentMethods_POSTOnChainPaymentMethodPreview" ->
                    "{\"enabled\":true,\"derivationScheme\":\"" + f.vpub() + "\"}";
            case "ChainTill_PostStorePaymentMethodPreview" -> "{\"config\":\"" + f.vpub() + "\"}";
            case "Webhooks_CreateWebhook", "ChainTill_UpdateStoreWebhook", "Webhooks_UpdateWebhook" -> "{\"url\":\"" + hooks.url("/matrix") + "\"}";
            case "Users_CreateUser" -> "{\"email\":\"user" + NAMES.incrementAndGet() + "@matrix.test\",\"password\":\"password-123\"}";
            case "ChainTill_UpdateStoreInvoice", "Invoices_UpdateInvoice" -> "{\"metadata\":{\"orderId\":\"matrix\"}}";
            case "ChainTill_MarkStoreInvoiceStatus", "Invoices_MarkInvoiceStatus" -> "{\"status\":\"Invalid\"}";
            case "ChainTill_BroadcastTransaction" -> "{\"hex\":\"00\"}";
            default -> "{}";
        };
    }

    /** Is a key holding exactly {@code policy} (on {@code scope}, or unscoped) allowed on {@code op} of store {@code target}? */
    private static boolean allowed(Operation op, Policy policy, String scope, String target) {
        if (op.permission().equals("authenticated")) {
            return true;
        }
        if (op.permission().equals("login")) {
            return false;
        }
        boolean scopeFits = scope == null || (op.storeInPath() ? scope.equals(target) : SCOPED_WITHOUT_STORE_IN_PATH.contains(op.id()));
        for (String required : op.permission().split(",")) {
            if (scopeFits && policy.includes(Policy.byName(required).orElseThrow())) {
                return true;
            }
        }
        return false;
    }

    private static String check(Operation op, String permission, Policy policy, String scope) {
        boolean destructive = op.method().equals("DELETE");
        boolean expectAllowed = allowed(op, policy, scope, shared.storeId());
        Fixture f = shared;
        ApiClient caller;
        if (destructive && expectAllowed) {
            f = op.storeInPath() ? fixture("Matrix throwaway") : shared;
            String held = scope == null ? permission : policy + ":" + f.storeId();
            caller = admin.newKey(held); // DELETE current revokes the caller: never reuse it
        } else {
            caller = holding(permission);
        }
        ApiResponse r = caller.send(op.method(), path(op, f), body(op, f));
        boolean serverError = r.status() >= 500 && r.status() != 503; // 503: a chain node that does not answer, documented
        boolean ok = expectAllowed ? r.status() != 401 && r.status() != 403 && !serverError
                : r.status() == 403 || (op.storeLess() && r.status() == 404);
        if (!ok) {
            return op.id() + " " + op.method() + " " + op.path() + " with [" + permission + "]: expected "
                    + (expectAllowed ? "allowed" : "403") + ", got " + r.status() + " " + r.body();
        }
        return null;
    }

    @Test
    void everyPermissionAgainstEveryOperationAsTheTableSays() throws Exception {
        List<Operation> ops = operations();
        assertTrue(ops.size() >= 40, "the table lists the supported operations: " + ops.size());
        List<String> permissions = new ArrayList<>();
        List<Policy> policies = new ArrayList<>();
        List<String> scopes = new ArrayList<>();
        for (Policy p : Policy.known()) {
            permissions.add(p.greenfieldName());
            policies.add(p);
            scopes.add(null);
            if (p.storeScopable()) {
                for (String store : List.of(shared.storeId(), other.storeId())) {
                    permissions.add(p + ":" + store);
                    policies.add(p);
                    scopes.add(store);
                }
            }
        }
        Policy unrelated = Policy.byName(UNRELATED_PLUGIN).orElseThrow();
        permissions.add(UNRELATED_PLUGIN + ":" + shared.storeId());
        policies.add(unrelated);
        scopes.add(shared.storeId());

        List<String> failures = new ArrayList<>();
        int requests = 0;
        long start = System.nanoTime();
        for (Operation op : ops) {
            for (int i = 0; i < permissions.size(); i++) {
                String scope = scopes.get(i);
                if (other.storeId().equals(scope) && !allowed(op, policies.get(i), shared.storeId(), shared.storeId())) {
                    continue; // scoped to the other store matters where the same permission on the target store is allowed
                }
                String failure = check(op, permissions.get(i), policies.get(i), scope);
                requests++;
                if (failure != null) {
                    failures.add(failure);
                }
            }
            if (op.permission().equals("login")) {
                int status = login.send(op.method(), path(op, shared), body(op, shared)).status();
                if (status == 401 || status == 403 || status >= 500) {
                    failures.add(op.id() + " with a password login: " + status);
                }
            }
            ApiResponse anonymous = admin.anonymous().send(op.method(), path(op, shared), body(op, shared));
            if (anonymous.status() != 401) {
                failures.add(op.id() + " without credentials: expected 401, got " + anonymous.status());
            }
        }
        System.out.printf("permission matrix: %d operations x %d permissions = %d requests in %d ms%n", ops.size(),
                permissions.size(), requests, (System.nanoTime() - start) / 1_000_000);
        assertTrue(failures.isEmpty(), failures.size() + " disagreements with operations.tsv:\n" + String.join("\n", failures));
    }

    @Test
    void nonAdministratorsKeysReachNeitherServerOperationsNorOtherUsersStores() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Operation op : operations()) {
            if (op.permission().equals("authenticated") || op.id().equals("ApiKeys_DeleteApiKey")
                    || op.id().equals("ChainTill_RevokeApiKeyById") || op.id().equals("ApiKeys_CreateApiKey")) {
                continue; // bob acting on his own keys: checked below
            }
            boolean serverWide = op.permission().startsWith("btcpay.server.") || op.permission().equals("login");
            if (!op.storeInPath() && !serverWide) {
                continue;
            }
            ApiResponse r = bob.send(op.method(), path(op, shared), body(op, shared));
            if (r.status() != 403 && !(op.storeLess() && r.status() == 404)) {
                failures.add(op.id() + " by bob's unrestricted key on the admin's store or the server: " + r.status() + " " + r.body());
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));

        assertFalse(bob.get("/api/v1/stores").expect(200).body().contains(shared.storeId()), "bob lists only his stores");
        assertTrue(bob.get("/api/v1/stores").body().contains(bobStore));
        bob.get("/api/v1/stores/" + bobStore).expect(200);
        for (String server : List.of("btcpay.server.canmodifyserversettings", "btcpay.server.cancreateuser",
                "btcpay.server.canviewusers", "btcpay.plugin.server.matrix")) {
            bobLogin.post("/api/v1/api-keys", "{\"permissions\":[\"" + server + "\"]}").expect(403);
        }
        bobLogin.post("/api/v1/api-keys", "{\"permissions\":[\"btcpay.store.canviewinvoices:" + shared.storeId() + "\"]}").expect(403);
        bob.post("/api/v1/users", "{\"email\":\"eve@matrix.test\",\"password\":\"password-123\",\"isAdministrator\":true}").expect(403);
        JsonObject unrestricted = bobLogin.post("/api/v1/api-keys", "{\"permissions\":[\"unrestricted\"]}").expect(200).object();
        assertEquals("unrestricted", unrestricted.getJsonArray("permissions").getString(0),
                "a non-administrator's unrestricted key is everything this user may do");
        ApiClient bobsOwn = bob.newKey("btcpay.store.canviewinvoices:" + bobStore);
        bobsOwn.get("/api/v1/stores/" + bobStore + "/invoices").expect(200);
        bob.delete("/api/v1/api-keys/" + admin.newKey().apiKey()).expect(404);
    }

    @Test
    void theScopeInjectionOfIssue11MintsNothing() {
        ApiClient invoicer = holding("btcpay.store.cancreateinvoice");
        for (String injected : List.of("btcpay.store.cancreateinvoice:x unrestricted",
                "btcpay.store.cancreateinvoice:" + shared.storeId() + " unrestricted",
                "btcpay.store.cancreateinvoice:" + shared.storeId() + "\\tunrestricted",
                "btcpay.store.cancreateinvoice:" + shared.storeId() + "\\nunrestricted",
                "btcpay.store.cancreateinvoice:" + shared.storeId() + "\\u00a0unrestricted",
                "btcpay.store.cancreateinvoice:" + shared.storeId() + "\\u2028unrestricted",
                "btcpay.store.cancreateinvoice:" + shared.storeId() + ":" + other.storeId(),
                "btcpay.store.cancreateinvoice:" + shared.storeId() + ",unrestricted",
                "unrestricted:" + shared.storeId(), " unrestricted", "unrestricted\\u0000",
                "unrestr\\u0131cted", "UNRESTR\\u0130CTED", "\\uff55nrestricted", "btcpay.store.cancreateinvoice:" + shared.storeId() + "\\u200b")) {
            ApiResponse r = invoicer.post("/api/v1/api-keys", "{\"permissions\":[\"" + injected + "\"]}");
            // the list itself, or the entry (permissions[0]) when the text cannot be stored at all (a NUL)
            assertTrue(r.status() == 422 && r.errorPath().startsWith("permissions"), injected + ": " + r.body());
            assertFalse(r.body().contains("\u0000"), "no control characters echoed: " + r.body());
        }
        invoicer.post("/api/v1/api-keys", "{\"permissions\":[\"unrestricted\"]}").expect(403);
        invoicer.post("/api/v1/api-keys", "{\"permissions\":[\"btcpay.store.cancreateinvoice\",\"unrestricted\"]}").expect(403);
        invoicer.post("/api/v1/users", "{\"email\":\"mallory@matrix.test\",\"password\":\"password-123\",\"isAdministrator\":true}")
                .expect(403);
        JsonObject sub = invoicer.post("/api/v1/api-keys", "{\"permissions\":[\"btcpay.store.cancreateinvoice:" + shared.storeId() + "\"]}")
                .expect(200).object();
        assertEquals(List.of("btcpay.store.cancreateinvoice:" + shared.storeId()),
                sub.getJsonArray("permissions").getValuesAs(jakarta.json.JsonString.class).stream().map(s -> s.getString()).toList());
    }

    @Test
    void keysAreMintedOnlyWithinTheCallersRights() {
        String a = shared.storeId();
        String b = other.storeId();
        ApiClient scoped = holding("btcpay.store.canmodifystoresettings:" + a);
        scoped.post("/api/v1/api-keys", "{\"permissions\":[\"btcpay.store.canviewinvoices:" + a + "\"]}").expect(200);
        scoped.post("/api/v1/api-keys", "{\"permissions\":[\"btcpay.store.canviewinvoices:" + b + "\"]}").expect(403);
        scoped.post("/api/v1/api-keys", "{\"permissions\":[\"btcpay.store.canviewinvoices\"]}").expect(403);
        scoped.post("/api/v1/api-keys", "{\"permissions\":[\"btcpay.user.canviewprofile\"]}").expect(403);
        scoped.post("/api/v1/api-keys", "{\"permissions\":[\"" + UNRELATED_PLUGIN + ":" + a + "\"]}").expect(403);
        holding("btcpay.store.cancreateinvoice").post("/api/v1/api-keys",
                "{\"permissions\":[\"btcpay.store.canviewinvoices\"]}").expect(403);
        admin.post("/api/v1/api-keys", "{\"permissions\":[\"btcpay.store.canviewinvoices:NoSuchStore11111111111\"]}").expect(403);

        JsonObject echoed = admin.post("/api/v1/api-keys", "{\"label\":\"echo\",\"permissions\":[\"BTCPAY.STORE.CANVIEWINVOICES:" + a
                + "\",\"btcpay.store.cancreatenonapprovedpullpayments\",\"btcpay.plugin.store.shopify.canview:" + a
                + "\",\"btcpay.store.canmodifystoresettings:\",\"btcpay.plugin.user.x\"]}").expect(200).object();
        assertEquals(List.of("btcpay.store.canviewinvoices:" + a, "btcpay.store.cancreatenonapprovedpullpayments",
                "btcpay.plugin.store.shopify.canview:" + a, "btcpay.store.canmodifystoresettings", "btcpay.plugin.user.x"),
                echoed.getJsonArray("permissions").getValuesAs(jakarta.json.JsonString.class).stream().map(s -> s.getString()).toList());
        ApiClient pluginOnly = admin.withKey(echoed.getString("apiKey"));
        pluginOnly.get("/api/v1/stores/" + a + "/invoices").expect(200);

        String tenThousand = "btcpay.store." + "a".repeat(9_987);
        assertEquals("permissions", admin.post("/api/v1/api-keys", "{\"permissions\":[\"" + tenThousand + "\"]}").errorPath());
        StringBuilder thousand = new StringBuilder("{\"permissions\":[");
        for (int i = 0; i < 1_000; i++) {
            thousand.append(i == 0 ? "" : ",").append("\"btcpay.plugin.store.p").append(i).append('"');
        }
        assertEquals("permissions", admin.post("/api/v1/api-keys", thousand.append("]}").toString()).errorPath());
        assertEquals("permissions", admin.post("/api/v1/api-keys", "{\"permissions\":\"unrestricted\"}").errorPath());
        assertEquals("permissions[0]", admin.post("/api/v1/api-keys", "{\"permissions\":[1]}").errorPath());
    }

    @Test
    void revokedKeysAreDeadAndABoundedAdminKeyCannotReachOtherUsersKeys() {
        ApiClient k = admin.newKey("btcpay.store.canviewstoresettings:" + shared.storeId());
        JsonObject current = k.get("/api/v1/api-keys/current").expect(200).object();
        assertEquals(k.apiKey(), current.getString("apiKey"), "as BTCPay: the key the caller sent");
        assertEquals("test", current.getString("label"));
        k.get("/api/v1/stores/" + shared.storeId()).expect(200);
        k.delete("/api/v1/api-keys/current").expect(200);
        k.get("/api/v1/stores/" + shared.storeId()).expect(401);
        k.get("/api/v1/api-keys/current").expect(401);

        ApiClient byKey = admin.newKey("btcpay.store.canviewstoresettings");
        admin.delete("/api/v1/api-keys/" + byKey.apiKey()).expect(200);
        byKey.get("/api/v1/stores").expect(401);
        ApiClient byId = admin.newKey("btcpay.store.canviewstoresettings");
        login.delete("/api/v1/api-keys/id/" + sha256(byId.apiKey())).expect(200);
        byId.get("/api/v1/stores").expect(401);

        ApiClient bobsKey = bob.newKey("btcpay.store.canviewstoresettings:" + bobStore);
        ApiClient adminScoped = admin.newKey("btcpay.store.canmodifystoresettings:" + shared.storeId());
        adminScoped.delete("/api/v1/api-keys/" + bobsKey.apiKey()).expect(404);
        adminScoped.delete("/api/v1/api-keys/id/" + sha256(bobsKey.apiKey())).expect(404);
        holding("btcpay.server.canmodifyserversettings").delete("/api/v1/api-keys/" + bobsKey.apiKey()).expect(404);
        adminScoped.post("/api/v1/users", "{\"email\":\"scoped@matrix.test\",\"password\":\"password-123\"}").expect(403);
        adminScoped.post("/api/v1/stores", "{\"name\":\"nope\"}").expect(403);
        adminScoped.get("/api/v1/stores/" + bobStore).expect(403);
        adminScoped.get("/api/v1/stores/" + other.storeId()).expect(403);
        holding("btcpay.server.cancreateuser").post("/api/v1/users",
                "{\"email\":\"notadmin@matrix.test\",\"password\":\"password-123\",\"isAdministrator\":true}").expect(403);
        bobsKey.get("/api/v1/stores/" + bobStore).expect(200);
        admin.delete("/api/v1/api-keys/" + bobsKey.apiKey()).expect(200);
        bobsKey.get("/api/v1/stores/" + bobStore).expect(401);
    }

    private static String sha256(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
