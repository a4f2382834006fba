package io.chaintill.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates ChainTill's answers against the schemas BTCPay documents for the same operation and status, in every
 * BTCPay document that has the route (v2.4.1 and, for the routes it also has, v1.13.7). Reads only the extracts in
 * src/test/resources/greenfield/ (see {@link GreenfieldExtract}); OpenAPI 3.0 is read as {@link OpenApiSchemas} says.
 */
public final class GreenfieldContract {
    /**
     * Properties ChainTill adds to BTCPay's closed schemas on purpose; docs/api.md ("Response shapes") says why.
     * Anything else a closed schema does not name fails. "?name" instead lets a documented property be null where
     * BTCPay itself sends null.
     */
    static final Map<String, Set<String>> ADDITIONS = Map.of(
            // Greenfield 1 names beside the 2.x ones, so plugins of both generations read the same answer
            "InvoicePaymentMethodDataModel", Set.of("paymentMethod", "cryptoCode", "networkFee", "paymentMethodId", "currency",
                    "paymentMethodFee"),
            // a payment a merchant can follow without parsing its id
            "Payment", Set.of("txid", "blockHeight", "confirmations"),
            // which rate sources price the store's invoices, in order
            "StoreBaseData", Set.of("rateProviders"),
            // the address gap limit of an xpub
            "GenericPaymentMethodData", Set.of("gap"),
            // what "synchronized" is made of: database and per-chain state, and UP / DEGRADED / DOWN over them
            "ApplicationHealthData", Set.of("status", "checks", "chains"),
            // BTCPay itself sends "onion": null without Tor (ServerInfoData.Onion), and greenfield-php reads the key
            "ApplicationServerInfoData", Set.of(OpenApiSchemas.NULL + "onion"),
            // likewise BTCPay sends a key's missing label and account key path as null
            "OnChainPaymentMethodBaseData", Set.of(OpenApiSchemas.NULL + "label", OpenApiSchemas.NULL + "accountKeyPath"),
            // the document's own includePaymentMethods query on GET invoice adds what InvoiceDataList items have
            "InvoiceData", Set.of("paymentMethods"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile GreenfieldContract instance;

    private final List<Document> documents = new ArrayList<>();
    private final Set<String> validated = ConcurrentHashMap.newKeySet();

    private GreenfieldContract() {
        for (String version : GreenfieldExtract.VERSIONS) {
            documents.add(new Document(version, read("/greenfield/" + GreenfieldExtract.fileName(version)), documents.isEmpty()));
        }
    }

    /** The contract read from the test classpath (once per JVM). */
    public static GreenfieldContract get() {
        if (instance == null) {
            synchronized (GreenfieldContract.class) {
                if (instance == null) {
                    instance = new GreenfieldContract();
                }
            }
        }
        return instance;
    }

    /** One operation of one document. */
    public record Operation(String version, String operationId, String method, String path, JsonNode node) {
        public String describe() {
            return operationId + " (" + method + " " + path + ", BTCPay " + version + ")";
        }

        /** The names of its parameters that go {@code in} (query, path, header). */
        public List<String> parameters(String in) {
            List<String> out = new ArrayList<>();
            node.path("parameters").forEach(p -> {
                if (in.equals(p.path("in").asText())) {
                    out.add(p.path("name").asText());
                }
            });
            return out;
        }
    }

    /** The operation a request hits in {@code version}, as BTCPay's (case-insensitive) routing would pick it. */
    public Optional<Operation> operation(String version, String method, String concretePath) {
        return document(version).match(method, concretePath);
    }

    /** The operation in the newest document, failing if BTCPay has no such route there. */
    public Operation newest(String method, String concretePath) {
        String version = GreenfieldExtract.VERSIONS.get(0);
        return operation(version, method, concretePath).orElseThrow(
                () -> new AssertionError("BTCPay " + version + " has no operation " + method + " " + concretePath));
    }

    /**
     * Every way {@code body} (the answer to {@code method concretePath} with {@code status}) breaks the contract,
     * empty when it keeps it; each message names the operation, the document and the JSON path. A route no document
     * knows and a status the operation does not document are violations too.
     */
    public List<String> violations(String method, String concretePath, int status, String body) {
        List<String> out = new ArrayList<>();
        boolean known = false;
        String path = concretePath.replaceFirst("[?#].*$", "");
        // a route "exists in both" when both documents have it equally literally: BTCPay 1.x's
        // GET .../payment-methods/OnChain is not 2.x's GET .../payment-methods/{paymentMethodId}
        int best = documents.stream().mapToInt(d -> d.specificity(method, path)).max().orElse(-1);
        for (Document d : documents) {
            Optional<Operation> op = d.match(method, path);
            if (op.isEmpty() || d.specificity(method, path) < best) {
                continue;
            }
            known = true;
            validated.add(d.version + " " + op.get().operationId);
            out.addAll(d.violations(op.get(), status, body));
        }
        if (!known) {
            out.add("no BTCPay document has an operation " + method + " " + path);
        }
        return out;
    }

    /** Fails with every violation (see {@link #violations}). */
    public void assertValid(String method, String concretePath, int status, String body) {
        List<String> v = violations(method, concretePath, status, body);
        if (!v.isEmpty()) {
            throw new AssertionError(method + " " + concretePath + " -> " + status + " breaks BTCPay's contract:\n  "
                    + String.join("\n  ", v) + "\nbody: " + abbreviate(body));
        }
    }

    /**
     * Every way the webhook {@code body} of event {@code type} breaks the body schema BTCPay documents for that event
     * ({@code x-webhooks}), in every document that has the event; empty when it keeps them. An event type no document
     * has is a violation too (see {@link #documentsWebhook} for ChainTill's own events).
     */
    public List<String> webhookViolations(String type, String body) {
        List<String> out = new ArrayList<>();
        boolean known = false;
        for (Document d : documents) {
            JsonNode schema = d.extract.path("webhooks").get(type);
            if (schema == null) {
                continue;
            }
            known = true;
            Operation op = new Operation(d.version, "Webhook_" + type, "POST", "x-webhooks/" + type, JsonNodeFactory.instance.objectNode());
            validated.add(d.version + " " + op.operationId());
            out.addAll(d.violations(op, schema, "body", body));
        }
        if (!known) {
            out.add("no BTCPay document has a webhook event " + type);
        }
        return out;
    }

    /** Whether any BTCPay document has webhook event {@code type}. */
    public boolean documentsWebhook(String type) {
        return documents.stream().anyMatch(d -> d.extract.path("webhooks").has(type));
    }

    /** Fails with every violation (see {@link #webhookViolations}). */
    public void assertValidWebhook(String type, String body) {
        List<String> v = webhookViolations(type, body);
        if (!v.isEmpty()) {
            throw new AssertionError(type + " webhook breaks BTCPay's contract:\n  " + String.join("\n  ", v)
                    + "\nbody: " + abbreviate(body));
        }
    }

    /**
     * Every property {@code schema} of {@code version} names, through its allOf branches and $refs: what a typed
     * client generated from the document expects to find.
     */
    public Set<String> documentedProperties(String version, String schema) {
        Set<String> out = new java.util.TreeSet<>();
        collect(document(version).extract.path("components").path("schemas"), document(version).extract.path("components")
                .path("schemas").path(schema), out, 0);
        return out;
    }

    private static void collect(JsonNode schemas, JsonNode schema, Set<String> out, int depth) {
        if (depth > 10 || schema.isMissingNode()) {
            return;
        }
        JsonNode ref = schema.get("$ref");
        if (ref != null) {
            collect(schemas, schemas.path(ref.asText().substring(ref.asText().lastIndexOf('/') + 1)), out, depth + 1);
        }
        schema.path("properties").fieldNames().forEachRemaining(out::add);
        schema.path("allOf").forEach(b -> collect(schemas, b, out, depth + 1));
    }

    /**
     * Every way the request body we send breaks the operation's documented request schema (so a test sends what a
     * client reading the document would send).
     */
    public List<String> requestViolations(String method, String concretePath, String body) {
        Operation op = newestOrOlder(method, concretePath.replaceFirst("[?#].*$", ""));
        JsonNode schema = op.node().get("requestBody");
        if (schema == null) {
            return List.of(op.describe() + ": documents no request body");
        }
        return document(op.version()).violations(op, schema, "request", body);
    }

    /** The names of the query parameters an operation documents, in the most specific document that has it. */
    public List<String> queryNames(String method, String concretePath) {
        return newestOrOlder(method, concretePath.replaceFirst("[?#].*$", "")).parameters("query");
    }

    private Operation newestOrOlder(String method, String path) {
        int best = documents.stream().mapToInt(d -> d.specificity(method, path)).max().orElse(-1);
        for (Document d : documents) {
            if (best >= 0 && d.specificity(method, path) == best) {
                return d.match(method, path).orElseThrow();
            }
        }
        throw new AssertionError("no BTCPay document has an operation " + method + " " + path);
    }

    /** "version operationId" of every operation validated so far in this JVM. */
    public Set<String> validated() {
        return Set.copyOf(validated);
    }

    private Document document(String version) {
        return documents.stream().filter(d -> d.version.equals(version)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no extract for " + version));
    }

    private static String abbreviate(String body) {
        return body.length() > 2000 ? body.substring(0, 2000) + "..." : body;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = GreenfieldContract.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath; run GreenfieldExtract");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One extract: its operations and its converted schemas. */
    private static final class Document {
        private final String version;
        private final JsonNode extract;
        private final ObjectNode defs;
        private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
        private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

        private final boolean newest;

        Document(String version, JsonNode extract, boolean newest) {
            this.version = version;
            this.extract = extract;
            this.newest = newest;
            this.defs = OpenApiSchemas.components(extract.path("components").path("schemas"), ADDITIONS, newest);
        }

        int specificity(String method, String concretePath) {
            return match(method, concretePath).map(o -> literalsMatched(o.path().split("/", -1), concretePath.split("/", -1)))
                    .orElse(-1);
        }

        Optional<Operation> match(String method, String concretePath) {
            String[] segments = concretePath.split("/", -1);
            Operation best = null;
            int bestLiterals = -1;
            for (JsonNode o : extract.path("operations")) {
                if (!o.path("method").asText().equalsIgnoreCase(method)) {
                    continue;
                }
                String[] template = o.path("path").asText().split("/", -1);
                int literals = literalsMatched(template, segments);
                if (literals > bestLiterals) {
                    bestLiterals = literals;
                    best = new Operation(version, o.path("operationId").asText(), o.path("method").asText(),
                            o.path("path").asText(), o);
                }
            }
            return Optional.ofNullable(best);
        }

        /** How many literal segments match (the more specific route wins), -1 when the template does not match. */
        private static int literalsMatched(String[] template, String[] segments) {
            if (template.length != segments.length) {
                return -1;
            }
            int literals = 0;
            for (int i = 0; i < template.length; i++) {
                if (template[i].startsWith("{") && template[i].endsWith("}")) {
                    if (segments[i].isEmpty()) {
                        return -1;
                    }
                } else if (template[i].toLowerCase(Locale.ROOT).equals(segments[i].toLowerCase(Locale.ROOT))) {
                    literals++;
                } else {
                    return -1;
                }
            }
            return literals;
        }

        List<String> violations(Operation op, int status, String body) {
            JsonNode responses = op.node().path("responses");
            String code = String.valueOf(status);
            if (!responses.has(code)) {
                code = responses.has(code.charAt(0) + "XX") ? code.charAt(0) + "XX" : "default";
            }
            if (!responses.has(code)) {
                return List.of(op.describe() + ": status " + status + " is not documented (documented: "
                        + iterable(responses.fieldNames()) + ")");
            }
            JsonNode schema = responses.get(code);
            if (schema.isNull()) {
                return List.of(); // documented without a JSON body
            }
            return violations(op, schema, code, body);
        }

        List<String> violations(Operation op, JsonNode schema, String code, String body) {
            JsonNode instance;
            try {
                instance = JSON.readTree(body);
            } catch (JsonProcessingException e) {
                return List.of(op.describe() + " " + code + ": the body is not JSON (" + e.getOriginalMessage() + ")");
            }
            if (instance == null || instance.isMissingNode()) {
                return List.of(op.describe() + " " + code + ": the body is empty, BTCPay documents a JSON body");
            }
            String key = op.operationId() + " " + op.method() + " " + op.path() + " " + code;
            JsonSchema compiled = schemas.computeIfAbsent(key, k -> compile(schema));
            List<String> out = new ArrayList<>();
            for (ValidationMessage m : compiled.validate(instance)) {
                out.add(op.describe() + " " + code + ": " + m.getInstanceLocation() + ": " + m.getMessage());
            }
            return out;
        }

        private JsonSchema compile(JsonNode schema) {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            ObjectNode all = defs.deepCopy();
            all.set("~response", OpenApiSchemas.convert(schema, extract.path("components").path("schemas"), ADDITIONS, newest));
            root.set("$defs", all);
            root.put("$ref", OpenApiSchemas.DEFS + "~response");
            return factory.getSchema(root);
        }

        private static List<String> iterable(java.util.Iterator<String> it) {
            List<String> out = new ArrayList<>();
            it.forEachRemaining(out::add);
            return out;
        }
    }
}
