package io.chaintill.fuzz;

import java.util.List;
import java.util.Set;

/**
 * One endpoint as the fuzzer sees it: method, path with {placeholders} for ids, a valid body to mutate (or none),
 * the query parameters it reads, and the body fields that take a key (a private key there must be refused).
 */
record FuzzOp(String method, String path, JsonTemplate body, List<String> query, Set<String> keyFields,
              String contentType) {

    static FuzzOp get(String path, String... query) {
        return new FuzzOp("GET", path, null, List.of(query), Set.of(), null);
    }

    static FuzzOp delete(String path) {
        return new FuzzOp("DELETE", path, null, List.of(), Set.of(), null);
    }

    static FuzzOp send(String method, String path, String body, String... keyFields) {
        return new FuzzOp(method, path, body == null ? null : new JsonTemplate(body), List.of(), Set.of(keyFields),
                "application/json");
    }

    FuzzOp withQuery(String... names) {
        return new FuzzOp(method, path, body, List.of(names), keyFields, contentType);
    }

    /** Requests that change data when accepted; a DELETE is only ever sent with a bad id. */
    boolean write() {
        return !method.equals("GET");
    }
}
