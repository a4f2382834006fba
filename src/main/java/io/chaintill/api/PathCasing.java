package io.chaintill.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The literal segments of the server's path templates, to give a request path their canonical casing: BTCPay's
 * ASP.NET routing ignores case ({@code /payment-methods/OnChain/BTC}, {@code /Invoices}), JAX-RS does not.
 * Only segments standing where a template has a literal change; ids and other parameters are left as sent.
 */
final class PathCasing {
    private final Node root = new Node();

    /** @param templates JAX-RS path templates ({@code api/v1/stores/{storeId}/invoices}), leading slash optional */
    PathCasing(Collection<String> templates) {
        templates.forEach(this::add);
    }

    private void add(String template) {
        Node node = root;
        for (String segment : segments(template)) {
            if (segment.isEmpty()) {
                continue;
            }
            if (!segment.contains("{")) {
                node = node.literals.computeIfAbsent(segment.toLowerCase(Locale.ROOT), k -> new Node(segment));
            } else if (segment.startsWith("{") && segment.endsWith("}") && segment.contains(":")
                    && !segment.replaceAll("\\s", "").endsWith(":[^/]+}")) {
                // a regex parameter may span segments ({path: .+}): nothing after it is known
                node.rest = true;
                return;
            } else {
                node = node.parameter == null ? (node.parameter = new Node()) : node.parameter;
            }
        }
    }

    /** The raw (still percent-encoded) path with each known literal segment in its canonical casing. */
    String canonical(String rawPath) {
        String[] parts = rawPath.split("/", -1);
        Node node = root;
        for (int i = 0; i < parts.length && node != null; i++) {
            String part = parts[i];
            if (part.isEmpty()) {
                continue;
            }
            Node literal = node.literals.get(part.toLowerCase(Locale.ROOT));
            if (literal != null) {
                parts[i] = literal.canonical;
                node = literal;
            } else {
                node = node.rest ? null : node.parameter;
            }
        }
        return String.join("/", parts);
    }

    private static List<String> segments(String template) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : template.toCharArray()) {
            if (c == '/' && depth == 0) {
                out.add(current.toString());
                current.setLength(0);
                continue;
            }
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            current.append(c);
        }
        out.add(current.toString());
        return out;
    }

    private static final class Node {
        final String canonical;
        final Map<String, Node> literals = new HashMap<>();
        Node parameter;
        boolean rest;

        Node() {
            this(null);
        }

        Node(String canonical) {
            this.canonical = canonical;
        }
    }
}
