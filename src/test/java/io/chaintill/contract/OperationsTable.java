package io.chaintill.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * src/test/resources/greenfield/operations.tsv: one row per operation of the newest BTCPay document. The first four
 * columns (operationId, method, path, permission) are derived from the extract; status and notes are kept by hand
 * and survive every regeneration, as do ChainTill's own rows (operationId {@code ChainTill_*}).
 */
public final class OperationsTable {
    public static final List<String> HEADER = List.of("operationId", "method", "path", "permission", "status", "notes");
    static final String OWN_PREFIX = "ChainTill_";

    private OperationsTable() {
    }

    /** The generated columns of one operation. */
    public record Row(String operationId, String method, String path, String permission) {
        String key() {
            return method + " " + path;
        }
    }

    /** The generated columns, in the table's order (path, then method), from an extract. */
    public static List<Row> derive(JsonNode extract) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode o : extract.path("operations")) {
            rows.add(new Row(o.path("operationId").asText(), o.path("method").asText(), o.path("path").asText(),
                    o.path("permission").asText()));
        }
        rows.sort(ORDER);
        return rows;
    }

    static final Comparator<Row> ORDER = Comparator.comparing(Row::path).thenComparing(Row::method);

    /** The BTCPay rows of a table as it stands (its generated columns only). */
    public static List<Row> generatedColumns(String tsv) {
        List<Row> rows = new ArrayList<>();
        for (String[] cells : dataLines(tsv)) {
            if (!cells[0].startsWith(OWN_PREFIX)) {
                rows.add(new Row(cells[0], cells[1], cells[2], cells[3]));
            }
        }
        return rows;
    }

    /**
     * The table with its generated columns replaced by {@code derived}, its comment lines, hand-kept columns (matched
     * by method and path) and ChainTill rows kept (after BTCPay's, in their order). A new operation starts as "not-yet".
     */
    public static String merge(String tsv, List<Row> derived) {
        StringBuilder out = new StringBuilder();
        for (String line : tsv.split("\n", -1)) {
            if (line.startsWith("#")) {
                out.append(line).append('\n');
            }
        }
        out.append(String.join("\t", HEADER)).append('\n');
        Map<String, String[]> kept = new LinkedHashMap<>();
        List<Row> all = new ArrayList<>(derived);
        all.sort(ORDER);
        for (String[] cells : dataLines(tsv)) {
            Row row = new Row(cells[0], cells[1], cells[2], cells[3]);
            kept.put(row.key(), cells);
            if (cells[0].startsWith(OWN_PREFIX)) {
                all.add(row); // ChainTill's rows follow BTCPay's, in the order people gave them
            }
        }
        for (Row r : all) {
            String[] old = kept.get(r.key());
            String status = old == null ? "not-yet" : old[4];
            String notes = old == null ? "" : old[5];
            out.append(String.join("\t", r.operationId(), r.method(), r.path(), r.permission(), status, notes)).append('\n');
        }
        return out.toString();
    }

    private static List<String[]> dataLines(String tsv) {
        List<String[]> out = new ArrayList<>();
        boolean header = true;
        for (String line : tsv.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (header) {
                header = false; // the column names
                continue;
            }
            String[] cells = line.split("\t", -1);
            String[] six = new String[HEADER.size()];
            for (int i = 0; i < six.length; i++) {
                six[i] = i < cells.length ? cells[i] : "";
            }
            if (cells.length > six.length) { // a tab inside the notes stays in the notes
                six[5] = String.join("\t", java.util.Arrays.asList(cells).subList(5, cells.length));
            }
            out.add(six);
        }
        return out;
    }
}
