package io.chaintill.api;

import java.util.List;

/**
 * One CSV record as RFC 4180 writes it (comma separated, CRLF ended, a field quoted when it holds a comma, quote,
 * CR or LF, quotes doubled). Fields a spreadsheet would run as a formula (starting with = + - @, tab or CR) get a
 * leading apostrophe: order ids and metadata come from buyers and shops, and must not execute on the merchant's PC.
 */
final class CsvLine {
    private CsvLine() {
    }

    static String of(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(fields.get(i)));
        }
        return sb.append("\r\n").toString();
    }

    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = defused(value);
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    private static String defused(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
