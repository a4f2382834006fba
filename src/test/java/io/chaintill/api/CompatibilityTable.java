package io.chaintill.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes docs/api.md's endpoint and compatibility tables from src/test/resources/greenfield/operations.tsv, the one
 * list of every operation of BTCPay's v2.4.1 document and of ChainTill's own routes, so the docs cannot drift from it.
 * {@link CompatibilityTableTest} fails when docs/api.md differs and tells how to regenerate.
 */
final class CompatibilityTable {
    static final Path TSV = Path.of("src/test/resources/greenfield/operations.tsv");
    static final Path DOC = Path.of("docs/api.md");
    static final String BEGIN = "<!-- compatibility table: generated from src/test/resources/greenfield/operations.tsv,"
            + " edit that file and regenerate (see CompatibilityTableTest) -->";
    static final String END = "<!-- end of compatibility table -->";

    private static final Map<String, String> HEADINGS = new LinkedHashMap<>();

    static {
        HEADINGS.put("supported", "Supported");
        HEADINGS.put("partly", "Partly supported (what differs)");
        HEADINGS.put("chaintill", "ChainTill's own routes (not in BTCPay's v2.4.1 document)");
        HEADINGS.put("not-yet", "Not yet");
    }

    private CompatibilityTable() {
    }

    record Row(String operationId, String method, String path, String permission, String status, String notes) {
    }

    static List<Row> rows(List<String> tsvLines) {
        List<Row> rows = new ArrayList<>();
        boolean header = true;
        for (String line : tsvLines) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] c = line.split("\t", -1);
            if (c.length != 6) {
                throw new IllegalArgumentException("operations.tsv: 6 tab-separated columns expected: " + line);
            }
            if (!HEADINGS.containsKey(c[4])) {
                throw new IllegalArgumentException("operations.tsv: unknown status '" + c[4] + "' in " + line);
            }
            if (c[0].startsWith("ChainTill_") != c[4].equals("chaintill")) {
                throw new IllegalArgumentException("operations.tsv: ChainTill_* rows, and only they, have status chaintill: " + line);
            }
            rows.add(new Row(c[0], c[1], c[2], c[3], c[4], c[5]));
        }
        return rows;
    }

    /** The generated section, markers included. */
    static String section(List<Row> rows) {
        StringBuilder out = new StringBuilder(BEGIN).append("\n\n");
        long btcpay = rows.stream().filter(r -> !r.status().equals("chaintill")).count();
        out.append("Of the ").append(btcpay).append(" operations of BTCPay Greenfield v2.4.1, ")
                .append(count(rows, "supported")).append(" are supported, ").append(count(rows, "partly"))
                .append(" partly and ").append(count(rows, "not-yet")).append(" not yet; ChainTill adds ")
                .append(count(rows, "chaintill")).append(" routes of its own. The permission is BTCPay's (for ChainTill's"
                        + " routes the one ChainTill requires); \"any key or login\" means any authenticated caller.\n");
        HEADINGS.forEach((status, heading) -> {
            out.append("\n### ").append(heading).append("\n\n| method and path | permission | notes |\n|---|---|---|\n");
            rows.stream().filter(r -> r.status().equals(status)).forEach(r -> out.append("| `").append(r.method())
                    .append(' ').append(r.path()).append("` | ").append(permission(r.permission())).append(" | ")
                    .append(cell(r.notes())).append(" |\n"));
        });
        return out.append('\n').append(END).toString();
    }

    private static long count(List<Row> rows, String status) {
        return rows.stream().filter(r -> r.status().equals(status)).count();
    }

    private static String permission(String p) {
        return switch (p) {
            case "public" -> "public";
            case "authenticated" -> "any key or login";
            case "login" -> "a password or dashboard login (not a key)";
            default -> "`" + String.join("` or `", p.split(",")) + "`";
        };
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    /** {@code doc} with its generated section replaced by {@code section}. */
    static String replaceSection(String doc, String section) {
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("docs/api.md has no generated section between '" + BEGIN + "' and '" + END + "'");
        }
        return doc.substring(0, begin) + section + doc.substring(end + END.length());
    }

    static String expectedDoc() throws IOException {
        String section = section(rows(Files.readAllLines(TSV, StandardCharsets.UTF_8)));
        return replaceSection(Files.readString(DOC, StandardCharsets.UTF_8), section);
    }
}
