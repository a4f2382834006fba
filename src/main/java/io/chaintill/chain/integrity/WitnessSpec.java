package io.chaintill.chain.integrity;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One configured witness: {@code kind:url}, the credentials (if any) taken out of the URL's user info so that only
 * {@link #url()} (without them) is ever printed. A list is comma-separated:
 * {@code bitcoind:http://user:pass@127.0.0.1:8332,esplora:https://mempool.space/api}.
 */
public record WitnessSpec(String kind, URI url, String user, String password) {
    private static final int MAX_LENGTH = 4000;
    private static final int MAX_ENTRIES = 10;

    @Override
    public String toString() {
        return kind + " " + url;
    }

    /**
     * Parses a configured list; refuses a malformed one naming the key and the entry's position (never its
     * credentials), so a typo stops the start instead of running without the witness the operator meant.
     */
    public static List<WitnessSpec> parseList(String value, String key, Set<String> kinds) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(key + " is longer than " + MAX_LENGTH + " characters");
        }
        String[] entries = value.split(",");
        if (entries.length > MAX_ENTRIES) {
            throw new IllegalArgumentException(key + " lists more than " + MAX_ENTRIES + " witnesses");
        }
        List<WitnessSpec> out = new ArrayList<>();
        for (int i = 0; i < entries.length; i++) {
            out.add(parse(entries[i].strip(), key + "[" + i + "]", kinds));
        }
        return out;
    }

    static WitnessSpec parse(String entry, String where, Set<String> kinds) {
        int colon = entry.indexOf(':');
        String kind = colon < 0 ? "" : entry.substring(0, colon);
        if (!kinds.contains(kind)) {
            throw new IllegalArgumentException(where + " must start with one of " + kinds + " and a colon");
        }
        URI uri;
        try {
            uri = new URI(entry.substring(colon + 1));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(where + " is not a URL after " + kind + ":");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException(where + " must be an http:// or https:// URL with a host");
        }
        String user = "";
        String password = "";
        String info = uri.getRawUserInfo();
        if (info != null) {
            int sep = info.indexOf(':');
            user = decode(sep < 0 ? info : info.substring(0, sep));
            password = sep < 0 ? "" : decode(info.substring(sep + 1));
        }
        try {
            URI bare = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null);
            return new WitnessSpec(kind, bare, user, password);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(where + " is not a URL after " + kind + ":");
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
