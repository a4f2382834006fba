package io.chaintill.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites the OpenAPI 3.0 schemas of an extract as JSON Schema 2020-12, the dialect the validator speaks, keeping
 * what BTCPay means rather than what a literal reading would say:
 * <ul>
 * <li>{@code nullable: true} becomes "null, or the schema" (also where the schema is an {@code allOf} of a $ref, which
 * is how BTCPay writes a nullable object).</li>
 * <li>{@code additionalProperties: false} on a schema that is one branch of an {@code allOf} would reject the other
 * branches' properties; so the branch is used open and the composing schema is closed instead
 * ({@code unevaluatedProperties: false}), which keeps the intent: no property that no branch names.</li>
 * <li>{@code oneOf} becomes {@code anyOf}: BTCPay's oneOfs end with a catch-all object, so a literal oneOf would
 * reject every valid value; a {@code type} beside it that its branches contradict is dropped.</li>
 * <li>Boolean {@code exclusiveMinimum}/{@code exclusiveMaximum} become the 2020-12 numeric forms.</li>
 * <li>{@code format: decimal} on a string becomes a pattern (typed clients parse it as a decimal); other formats,
 * most of them prose ("unix timestamp in seconds"), are dropped.</li>
 * </ul>
 * In an older document ({@code closedSchemas} false) closed schemas are read open: a later BTCPay adds properties
 * (e.g. {@code paidAmount}) to the answers older clients read, and those clients ignore them; which properties exist
 * at all is checked against the newest document.
 * {@code $ref}s to {@code #/components/schemas/X} become {@code #/$defs/X}.
 * {@code additions} names properties ChainTill adds to a schema on purpose (docs/api.md says which and why): they are
 * declared, so they pass while any other unknown property still fails.
 */
final class OpenApiSchemas {
    static final String OPEN = "~open";
    /** In {@code additions}, "?name" marks an existing property as nullable instead of adding one. */
    static final String NULL = "?";
    private static final String PREFIX = "#/components/schemas/";
    /** Where the converted components live in a compiled schema: {@code $defs}, 2020-12's own place. */
    static final String DEFS = "#/$defs/";
    private static final String DECIMAL = "^-?[0-9]+(\\.[0-9]+)?$";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final JsonNode source;
    private final Map<String, Set<String>> additions;
    private final boolean closedSchemas;
    private final Map<String, JsonNode> converted = new HashMap<>();

    private OpenApiSchemas(JsonNode source, Map<String, Set<String>> additions, boolean closedSchemas) {
        this.source = source;
        this.additions = additions;
        this.closedSchemas = closedSchemas;
    }

    /** The converted {@code components.schemas}, with an open variant ({@code Name~open}) of each closed schema. */
    static ObjectNode components(JsonNode schemas, Map<String, Set<String>> additions, boolean closedSchemas) {
        OpenApiSchemas c = new OpenApiSchemas(schemas, additions, closedSchemas);
        ObjectNode out = F.objectNode();
        schemas.fieldNames().forEachRemaining(name -> {
            JsonNode s = c.named(name);
            out.set(name, s);
            if (closed(s)) {
                out.set(name + OPEN, open(s));
            }
        });
        return out;
    }

    /** Converts a schema outside components (a response or request body) against the same components. */
    static JsonNode convert(JsonNode schema, JsonNode schemas, Map<String, Set<String>> additions, boolean closedSchemas) {
        return new OpenApiSchemas(schemas, additions, closedSchemas).convert(schema);
    }

    private JsonNode named(String name) {
        JsonNode done = converted.get(name);
        if (done != null) {
            return done;
        }
        converted.put(name, F.objectNode()); // a cycle sees an open, empty schema
        JsonNode s = convert(source.get(name));
        Set<String> extra = additions.getOrDefault(name, Set.of());
        if (!extra.isEmpty() && s instanceof ObjectNode o) {
            ObjectNode target = o.has("anyOf") && o.size() == 1 ? (ObjectNode) o.get("anyOf").get(1) : o;
            ObjectNode props = target.has("properties") ? (ObjectNode) target.get("properties") : target.putObject("properties");
            extra.forEach(p -> {
                if (p.startsWith(NULL)) { // documented non-null, sent as null by BTCPay itself
                    JsonNode documented = props.get(p.substring(1));
                    if (documented == null) {
                        return; // this document does not have the property
                    }
                    ObjectNode either = F.objectNode();
                    either.putArray("anyOf").add(F.objectNode().put("type", "null")).add(documented);
                    props.set(p.substring(1), either);
                } else {
                    props.putObject(p);
                }
            });
        }
        converted.put(name, s);
        return s;
    }

    private JsonNode convert(JsonNode node) {
        if (node.isArray()) {
            ArrayNode out = F.arrayNode();
            node.forEach(n -> out.add(convert(n)));
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode out = F.objectNode();
        boolean close = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode v = e.getValue();
            switch (key) {
                case "nullable", "format", "exclusiveMinimum", "exclusiveMaximum" -> {
                }
                case "properties", "patternProperties" -> {
                    ObjectNode props = out.putObject(key);
                    v.fields().forEachRemaining(p -> props.set(p.getKey(), convert(p.getValue())));
                }
                case "additionalProperties" -> {
                    if (v.isBoolean() && !v.booleanValue()) {
                        close = true;
                    } else {
                        out.set(key, convert(v));
                    }
                }
                case "allOf" -> {
                    ArrayNode branches = out.putArray("allOf");
                    for (JsonNode b : v) {
                        JsonNode c = convert(b);
                        if (closed(c) || closedRef(c)) {
                            close = true;
                            c = closedRef(c) ? F.objectNode().put("$ref", c.get("$ref").asText() + OPEN) : open(c);
                        }
                        branches.add(c);
                    }
                }
                case "oneOf" -> out.set("anyOf", convert(v));
                case "$ref" -> out.put(key, v.asText().startsWith(PREFIX) ? DEFS + v.asText().substring(PREFIX.length()) : v.asText());
                case "enum", "default", "const", "required" -> out.set(key, v);
                default -> out.set(key, convert(v));
            }
        }
        dropContradictedType(out);
        if (close && closedSchemas) {
            out.put("unevaluatedProperties", false);
        }
        bounds(node, out);
        if ("decimal".equals(node.path("format").asText()) && "string".equals(node.path("type").asText())) {
            out.put("pattern", DECIMAL);
        }
        if (node.path("nullable").asBoolean(false)) {
            ObjectNode either = F.objectNode();
            either.putArray("anyOf").add(F.objectNode().put("type", "null")).add(out);
            return either;
        }
        return out;
    }

    /**
     * BTCPay writes {@code type: object} beside a oneOf that also allows strings (a payment method's config: an
     * object or a derivation scheme string); the branches decide then, not the contradicting type.
     */
    private static void dropContradictedType(ObjectNode out) {
        JsonNode type = out.get("type");
        JsonNode branches = out.get("anyOf");
        if (type == null || branches == null) {
            return;
        }
        for (JsonNode b : branches) {
            if (b.has("type") && !b.get("type").equals(type)) {
                out.remove("type");
                return;
            }
        }
    }

    private static void bounds(JsonNode node, ObjectNode out) {
        for (String side : new String[] {"Minimum", "Maximum"}) {
            JsonNode exclusive = node.get("exclusive" + side);
            String bound = side.toLowerCase(java.util.Locale.ROOT);
            if (exclusive != null && exclusive.isBoolean() && exclusive.booleanValue() && node.has(bound)) {
                out.remove(bound);
                out.set("exclusive" + side, node.get(bound));
            } else if (exclusive != null && exclusive.isNumber()) {
                out.set("exclusive" + side, exclusive);
            }
        }
    }

    private boolean closedRef(JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        if (ref == null || schema.size() != 1 || !ref.asText().startsWith(DEFS)) {
            return false;
        }
        String name = ref.asText().substring(DEFS.length());
        return source.has(name) && closed(named(name));
    }

    private static boolean closed(JsonNode schema) {
        return schema.path("unevaluatedProperties").isBoolean() && !schema.get("unevaluatedProperties").booleanValue();
    }

    private static JsonNode open(JsonNode schema) {
        ObjectNode copy = ((ObjectNode) schema).deepCopy();
        copy.remove("unevaluatedProperties");
        return copy;
    }
}
