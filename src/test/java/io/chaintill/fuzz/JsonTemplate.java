package io.chaintill.fuzz;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A valid request body whose fields can be replaced one at a time by raw (possibly invalid) JSON text. */
final class JsonTemplate {
    private final JsonObject object;
    private final List<List<String>> fields = new ArrayList<>();
    private final List<List<String>> stringFields = new ArrayList<>();

    JsonTemplate(String json) {
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            object = r.readObject();
        }
        collect(object, new ArrayList<>());
    }

    String valid() {
        return object.toString();
    }

    List<List<String>> fields() {
        return fields;
    }

    List<List<String>> stringFields() {
        return stringFields;
    }

    /** The template with the field at {@code path} (added if absent) set to {@code raw}. */
    String with(List<String> path, String raw) {
        return write(object, path, raw);
    }

    private void collect(JsonObject o, List<String> prefix) {
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(e.getKey());
            fields.add(path);
            if (e.getValue().getValueType() == JsonValue.ValueType.STRING) {
                stringFields.add(path);
            }
            if (e.getValue() instanceof JsonObject child) {
                collect(child, path);
            }
        }
    }

    private static String write(JsonObject o, List<String> path, String raw) {
        StringBuilder b = new StringBuilder("{");
        boolean found = false;
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
            b.append(b.length() > 1 ? "," : "").append(FuzzInputs.quote(e.getKey())).append(':');
            if (e.getKey().equals(path.get(0))) {
                found = true;
                b.append(path.size() == 1 ? raw : e.getValue() instanceof JsonObject child
                        ? write(child, path.subList(1, path.size()), raw) : raw);
            } else {
                b.append(e.getValue().toString());
            }
        }
        if (!found) {
            b.append(b.length() > 1 ? "," : "").append(FuzzInputs.quote(path.get(0))).append(':')
                    .append(path.size() == 1 ? raw : write(JsonValue.EMPTY_JSON_OBJECT, path.subList(1, path.size()), raw));
        }
        return b.append('}').toString();
    }
}
