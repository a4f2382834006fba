package io.chaintill.support;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.chaintill.contract.GreenfieldContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Checks webhook bodies against the published contract in webhooks/schemas. Integration tests call
 * {@link #assertValid(String, String)} on every webhook their receiver actually gets, so the server
 * cannot drift from what merchants were promised.
 *
 * <p>The schemas' {@code $id}s are identifiers, not download locations: they are mapped to the local
 * files, so validation never touches the network. The folder is found by walking up from the working
 * directory, or set explicitly with {@code -Dchaintill.webhooks.dir=/path/to/webhooks}.
 */
public final class WebhookSchemas {

    public static final String ID_PREFIX = "https://chaintill.io/schemas/webhooks/v1/";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();
    private static volatile JsonSchemaFactory factory;

    private WebhookSchemas() {
    }

    /** Fails the test unless {@code json} is a valid webhook body of event {@code type}. */
    public static void assertValid(String type, String json) {
        List<String> errors = errors(type, json);
        if (!errors.isEmpty()) {
            fail(type + " webhook violates webhooks/schemas/" + type + ".json: " + errors + "\nbody: " + json);
        }
    }

    /**
     * For a body a receiver actually got from the server: {@link #assertValid(String)} and, for the events BTCPay
     * also sends, BTCPay's own schema ({@code x-webhooks} of its Greenfield documents), so that a BTCPay plugin's
     * typed client reads every body ChainTill sends. BTCPay's schemas are closed, ChainTill's open (a receiver must
     * ignore fields it does not know): what the server sends today must pass both.
     */
    public static void assertDelivered(String json) {
        assertValid(json);
        String type = parse(json).get("type").asText();
        GreenfieldContract btcpay = GreenfieldContract.get();
        if (btcpay.documentsWebhook(type)) {
            btcpay.assertValidWebhook(type, json);
        }
    }

    /** As {@link #assertValid(String, String)}, taking the type from the body's own {@code type} field. */
    public static void assertValid(String json) {
        JsonNode type = parse(json).get("type");
        if (type == null || !type.isTextual()) {
            fail("webhook body has no string \"type\": " + json);
        }
        assertValid(type.asText(), json);
    }

    /** Every contract violation in {@code json}, empty when valid. */
    public static List<String> errors(String type, String json) {
        Objects.requireNonNull(type, "type");
        if (!types().contains(type)) {
            // A new event type must come with a schema; fail rather than wave it through.
            return List.of("no schema for event type " + type + " (known: " + types() + ")");
        }
        JsonNode node = parse(json);
        List<String> errors = new ArrayList<>();
        for (ValidationMessage m : schema(type).validate(node)) {
            errors.add(m.getMessage());
        }
        errors.addAll(redeliveryErrors(node));
        return errors;
    }

    /** Event types with a schema, from the file names in webhooks/schemas. */
    public static List<String> types() {
        try (Stream<Path> files = Files.list(schemasDir())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json") && !n.equals("envelope.json"))
                    .map(n -> n.substring(0, n.length() - ".json".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's webhooks/ folder. */
    public static Path webhooksDir() {
        String configured = System.getProperty("chaintill.webhooks.dir");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("webhooks");
            if (Files.isRegularFile(candidate.resolve("schemas/envelope.json"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("webhooks/schemas not found above " + Path.of("").toAbsolutePath()
                + "; set -Dchaintill.webhooks.dir");
    }

    private static Path schemasDir() {
        return webhooksDir().resolve("schemas");
    }

    // JSON Schema cannot relate two fields, so this part of the envelope contract is checked by hand.
    private static List<String> redeliveryErrors(JsonNode node) {
        JsonNode redelivery = node.get("isRedelivery");
        JsonNode id = node.get("deliveryId");
        JsonNode original = node.get("originalDeliveryId");
        if (redelivery == null || !redelivery.isBoolean() || id == null || original == null) {
            return List.of(); // already reported by the schema
        }
        boolean same = id.equals(original);
        if (!redelivery.booleanValue() && !same) {
            return List.of("originalDeliveryId must equal deliveryId when isRedelivery is false");
        }
        if (redelivery.booleanValue() && same) {
            return List.of("a redelivery must have a new deliveryId, different from originalDeliveryId");
        }
        return List.of();
    }

    private static JsonSchema schema(String type) {
        return CACHE.computeIfAbsent(type, t -> factory().getSchema(SchemaLocation.of(ID_PREFIX + t + ".json")));
    }

    private static JsonSchemaFactory factory() {
        if (factory == null) {
            String local = schemasDir().toUri().toString();
            factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                    b -> b.schemaMappers(m -> m.mapPrefix(ID_PREFIX, local.endsWith("/") ? local : local + "/")));
        }
        return factory;
    }

    private static JsonNode parse(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null) {
                fail("webhook body is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            fail("webhook body is not JSON: " + e.getOriginalMessage() + "\nbody: " + json);
            throw new AssertionError(e); // unreachable: fail() throws
        }
    }
}
