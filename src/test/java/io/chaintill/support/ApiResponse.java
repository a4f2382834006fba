package io.chaintill.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpHeaders;

/** A response of the server under test, with JSON accessors. */
public record ApiResponse(int status, String body, HttpHeaders headers, byte[] bytes) {

    public JsonObject object() {
        try (JsonReader r = Json.createReader(new StringReader(body))) {
            return r.readObject();
        } catch (RuntimeException e) {
            throw new AssertionError("expected a JSON object, got HTTP " + status + ": " + body, e);
        }
    }

    public JsonArray array() {
        try (JsonReader r = Json.createReader(new StringReader(body))) {
            return r.readArray();
        } catch (RuntimeException e) {
            throw new AssertionError("expected a JSON array, got HTTP " + status + ": " + body, e);
        }
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** Fails with the body in the message, which is what one wants to read when a test breaks. */
    public ApiResponse expect(int expected) {
        if (status != expected) {
            throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + body);
        }
        return this;
    }

    /** The path of the first validation error of a 422 answer. */
    public String errorPath() {
        expect(422);
        return array().getJsonObject(0).getString("path");
    }
}
