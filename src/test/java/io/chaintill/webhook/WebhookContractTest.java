package io.chaintill.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import io.chaintill.support.WebhookSchemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The webhook contract in webhooks/ is consistent with itself and with the server: samples satisfy
 * their schemas, the schemas reject what the contract forbids, fixtures.json is what {@link WebhookSigner}
 * produces, and the four reference verifiers accept those fixtures.
 *
 * <p>Regenerate fixtures.json after changing the signer or the sample it signs with
 * {@code mvn test -Dtest=WebhookContractTest -Dchaintill.webhooks.writeFixtures=true}.
 */
class WebhookContractTest {

    /** The event types the contract promises; a schema file more or less must be a deliberate change here. */
    static final List<String> TYPES = List.of("ChainAlert", "InvoiceCreated", "InvoiceExpired", "InvoiceInvalid",
            "InvoicePaymentRemoved", "InvoicePaymentSettled", "InvoiceProcessing", "InvoiceReceivedPayment", "InvoiceSettled",
            "PayoutApproved", "PayoutCreated", "PayoutUpdated");

    /** Fields present in the samples that the contract lets the server omit; every other one is required. */
    static final Set<String> OPTIONAL = Set.of("ChainAlert:invoiceId", "payment.fee");

    // Fixed inputs so fixtures.json is reproducible; the body is a sample file byte for byte.
    static final String FIXTURE_SECRET = "q3Jm9X2vT8kLw4Rz7Nc5Yb1Hd6Pf0Sg3Ua8Ke2Wm5Vx";
    static final String FIXTURE_PREVIOUS_SECRET = "old-secret-being-rotated-out";
    static final String FIXTURE_SAMPLE = "InvoiceReceivedPayment";
    static final long FIXTURE_T = 1767226215L;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final WebhookSigner signer = new WebhookSigner();

    static List<String> types() {
        return TYPES;
    }

    private static Path dir() {
        return WebhookSchemas.webhooksDir();
    }

    private static String sample(String type) throws IOException {
        return Files.readString(dir().resolve("samples/" + type + ".json"), StandardCharsets.UTF_8);
    }

    @Test
    void everyContractTypeHasExactlyOneSchemaAndSample() throws IOException {
        assertEquals(TYPES, WebhookSchemas.types());
        try (var samples = Files.list(dir().resolve("samples"))) {
            assertEquals(TYPES, samples.map(p -> p.getFileName().toString().replace(".json", "")).sorted().toList());
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void schemaIsValidDraft202012(String type) throws IOException {
        JsonSchema meta = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        for (String file : List.of(type + ".json", "envelope.json")) {
            JsonNode schema = JSON.readTree(dir().resolve("schemas/" + file).toFile());
            assertEquals(Set.of(), meta.validate(schema), file);
            assertEquals(WebhookSchemas.ID_PREFIX + file, schema.get("$id").asText(), file);
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void sampleIsValid(String type) throws IOException {
        WebhookSchemas.assertValid(type, sample(type));
        WebhookSchemas.assertValid(sample(type));
    }

    @ParameterizedTest
    @MethodSource("types")
    void everyRequiredFieldIsRequired(String type) throws IOException {
        ObjectNode sample = (ObjectNode) JSON.readTree(sample(type));
        for (Iterator<String> it = sample.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            ObjectNode without = sample.deepCopy();
            without.remove(field);
            checkRemoval(type, type + ":" + field, without);
        }
        if (sample.has("payment")) {
            for (Iterator<String> it = sample.get("payment").fieldNames(); it.hasNext(); ) {
                String field = it.next();
                ObjectNode without = sample.deepCopy();
                ((ObjectNode) without.get("payment")).remove(field);
                checkRemoval(type, "payment." + field, without);
            }
        }
    }

    private void checkRemoval(String type, String field, ObjectNode body) {
        List<String> errors = WebhookSchemas.errors(type, body.toString());
        if (OPTIONAL.contains(field)) {
            assertEquals(List.of(), errors, "optional " + field + " removed");
        } else {
            assertFalse(errors.isEmpty(), "required " + field + " removed, yet valid");
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void unknownFieldsAreAllowedSoTheServerCanGrow(String type) throws IOException {
        ObjectNode body = (ObjectNode) JSON.readTree(sample(type));
        body.put("someFutureField", "x");
        body.putObject("someFutureObject").put("a", 1);
        if (body.has("payment")) {
            ((ObjectNode) body.get("payment")).put("confirmations", 3);
        }
        WebhookSchemas.assertValid(type, body.toString());
    }

    @ParameterizedTest
    @MethodSource("types")
    void wrongTypesAreRejected(String type) throws IOException {
        ObjectNode body = (ObjectNode) JSON.readTree(sample(type));
        assertInvalid(type, body.deepCopy().put("timestamp", "1767225600"));
        assertInvalid(type, body.deepCopy().put("isRedelivery", "false"));
        assertInvalid(type, body.deepCopy().put("metadata", "orderId=1"));
        assertInvalid(type, body.deepCopy().put("type", "Other"));
        String other = type.equals("InvoiceCreated") ? "InvoiceSettled" : "InvoiceCreated";
        assertInvalid(other, body);
    }

    @Test
    void paymentFieldsAreTyped() throws IOException {
        ObjectNode body = (ObjectNode) JSON.readTree(sample("InvoiceReceivedPayment"));
        for (String[] change : new String[][] {{"value", "1e-3"}, {"value", "-0.1"}, {"fee", "0,1"}, {"status", "Confirmed"}}) {
            ObjectNode copy = body.deepCopy();
            ((ObjectNode) copy.get("payment")).put(change[0], change[1]);
            assertInvalid("InvoiceReceivedPayment", copy);
        }
        ObjectNode numeric = body.deepCopy();
        ((ObjectNode) numeric.get("payment")).put("value", 0.0015); // a JSON number loses precision: refused
        assertInvalid("InvoiceReceivedPayment", numeric);
    }

    @Test
    void chainAlertMayNotNameAnInvoiceAndTipHeightMayBeNull() throws IOException {
        ObjectNode body = (ObjectNode) JSON.readTree(sample("ChainAlert"));
        WebhookSchemas.assertValid("ChainAlert", body.deepCopy().putNull("tipHeight").toString());
        assertInvalid("ChainAlert", body.deepCopy().put("severity", "info"));
        assertInvalid("ChainAlert", body.deepCopy().put("invoiceId", "M2ySgHtKyA7ZrzxHk9aBJ4"));
    }

    @Test
    void redeliveryIdsAreConsistent() throws IOException {
        ObjectNode body = (ObjectNode) JSON.readTree(sample("InvoiceSettled"));
        assertInvalid("InvoiceSettled", body.deepCopy().put("originalDeliveryId", "somethingElse"));
        assertInvalid("InvoiceSettled", body.deepCopy().put("isRedelivery", true));
        WebhookSchemas.assertValid("InvoiceSettled",
                body.deepCopy().put("isRedelivery", true).put("deliveryId", "aNewOne").toString());
    }

    private static void assertInvalid(String type, JsonNode body) {
        assertFalse(WebhookSchemas.errors(type, body.toString()).isEmpty(), "accepted: " + body);
    }

    @Test
    void fixturesAreWhatTheServerSignerProduces() throws IOException {
        ObjectNode expected = expectedFixtures();
        Path file = dir().resolve("verifiers/fixtures.json");
        if (Boolean.getBoolean("chaintill.webhooks.writeFixtures")) {
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(expected) + "\n",
                    StandardCharsets.UTF_8);
        }
        // Round-trip through text so number node types (int vs long) compare as JSON, not as Java classes.
        assertEquals(JSON.readTree(JSON.writeValueAsString(expected)), JSON.readTree(file.toFile()),
                "fixtures.json is stale; regenerate with -Dchaintill.webhooks.writeFixtures=true");
    }

    private ObjectNode expectedFixtures() throws IOException {
        String body = sample(FIXTURE_SAMPLE);
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        String current = signer.chainTillSignature(FIXTURE_SECRET, raw, FIXTURE_T);
        String previous = signer.chainTillSignature(FIXTURE_PREVIOUS_SECRET, raw, FIXTURE_T);
        ObjectNode f = JSON.createObjectNode();
        f.put("description", "Generated by WebhookContractTest from io.chaintill.webhook.WebhookSigner. body is "
                + "samples/" + FIXTURE_SAMPLE + ".json byte for byte (UTF-8). rotationHeader carries a v1 made with "
                + "previousSecret, one made with secret, and an unknown v9 scheme: it must verify with either "
                + "secret. Do not edit by hand.");
        f.put("secret", FIXTURE_SECRET);
        f.put("previousSecret", FIXTURE_PREVIOUS_SECRET);
        f.put("t", FIXTURE_T);
        f.put("toleranceSeconds", 300);
        f.put("body", body);
        ObjectNode headers = f.putObject("headers");
        headers.put(WebhookSigner.BTCPAY_SIG_HEADER, signer.btcpaySig(FIXTURE_SECRET, raw));
        headers.put(WebhookSigner.CHAINTILL_SIGNATURE_HEADER, current);
        f.put("rotationHeader", previous + "," + current.substring(current.indexOf("v1="))
                + ",v9=0000000000000000000000000000000000000000000000000000000000000000");
        return f;
    }

    @Test
    void referenceVerifiersAgreeWithTheServer() throws Exception {
        Path script = dir().resolve("run-verifier-tests.sh");
        Process p = new ProcessBuilder("bash", script.toString())
                .directory(dir().toFile())
                .redirectErrorStream(true)
                .start();
        List<String> lines = new ArrayList<>();
        try (var out = p.inputReader(StandardCharsets.UTF_8)) {
            // Echo as we go: a first run may spend minutes installing php-cli.
            out.lines().forEach(line -> {
                System.out.println("[verifiers] " + line);
                lines.add(line);
            });
        }
        assertTrue(p.waitFor(15, TimeUnit.MINUTES), "run-verifier-tests.sh timed out");
        String output = String.join("\n", lines);
        assertEquals(0, p.exitValue(), output);
        assertFalse(lines.isEmpty(), "no output");
        assertEquals("4 passed, 0 failed", lines.get(lines.size() - 1), output);
    }
}
