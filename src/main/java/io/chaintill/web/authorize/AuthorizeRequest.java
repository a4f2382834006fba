package io.chaintill.web.authorize;

import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.access.ApplicationGrant;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an application asks for on {@code GET /api-keys/authorize} (and what the approval form sends back):
 * BTCPay's query parameters, each length-bounded and checked before use. Permission names are only checked for
 * Greenfield's syntax here; whether the user may grant them is decided when the key is made.
 */
public record AuthorizeRequest(List<String> permissions, String applicationName, String applicationIdentifier,
        boolean strict, boolean selectiveStores, URI redirect) {
    static final int MAX_PERMISSIONS = 64;
    static final int MAX_PERMISSION = 200;
    static final int MAX_NAME = 200;
    static final int MAX_REDIRECT = 2000;
    /** BTCPay's policy syntax (Permissions.cs); the store id after ':' keeps its case. */
    private static final Pattern POLICY = Pattern.compile("btcpay\\.([a-z0-9]+\\.)*[a-z0-9]+|unrestricted");
    private static final Pattern SCOPE = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    /** From query or form parameters; {@code permissions[]} (PHP clients' form) counts as {@code permissions}. */
    public static AuthorizeRequest parse(Map<String, List<String>> params) {
        List<String> raw = new ArrayList<>(params.getOrDefault("permissions", List.of()));
        raw.addAll(params.getOrDefault("permissions[]", List.of()));
        if (raw.size() > MAX_PERMISSIONS) {
            throw new InvalidInputException("permissions", "at most " + MAX_PERMISSIONS + " permissions can be asked for");
        }
        Set<String> permissions = new LinkedHashSet<>();
        for (String p : raw) {
            permissions.add(permission(p));
        }
        if (permissions.isEmpty()) {
            throw new InvalidInputException("permissions", "the application asked for no permission");
        }
        return new AuthorizeRequest(List.copyOf(permissions), text(params, "applicationName"), text(params, "applicationIdentifier"),
                bool(params, "strict", true), bool(params, "selectiveStores", false), redirect(single(params, "redirect")));
    }

    /** The redirect's origin (scheme://host[:port]), shown to the user as where the key goes; null without redirect. */
    public String redirectOrigin() {
        if (redirect == null) {
            return null;
        }
        return redirect.getScheme() + "://" + redirect.getHost() + (redirect.getPort() < 0 ? "" : ":" + redirect.getPort());
    }

    public boolean asksForStorePermission() {
        return permissions.stream().anyMatch(p -> ApplicationGrant.storePolicy(ApplicationGrant.policyOf(p)));
    }

    /** The parameters again, in the names BTCPay documents, for a return-to URL or the approval form. */
    public List<Map.Entry<String, String>> parameters() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        permissions.forEach(p -> out.add(Map.entry("permissions", p)));
        if (applicationName != null) {
            out.add(Map.entry("applicationName", applicationName));
        }
        if (applicationIdentifier != null) {
            out.add(Map.entry("applicationIdentifier", applicationIdentifier));
        }
        out.add(Map.entry("strict", Boolean.toString(strict)));
        out.add(Map.entry("selectiveStores", Boolean.toString(selectiveStores)));
        if (redirect != null) {
            out.add(Map.entry("redirect", redirect.toString()));
        }
        return out;
    }

    /** This request as a local URL, to come back to after logging in. */
    public String localUrl() {
        StringBuilder b = new StringBuilder("/api-keys/authorize");
        char sep = '?';
        for (Map.Entry<String, String> e : parameters()) {
            b.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return b.toString();
    }

    private static String permission(String p) {
        if (p == null || p.isBlank()) {
            throw new InvalidInputException("permissions", "contains an empty permission");
        }
        if (p.length() > MAX_PERMISSION) {
            throw new InvalidInputException("permissions", "a permission is longer than " + MAX_PERMISSION + " characters");
        }
        String trimmed = p.trim();
        int colon = trimmed.indexOf(':');
        String policy = (colon < 0 ? trimmed : trimmed.substring(0, colon)).toLowerCase(Locale.ROOT);
        String scope = colon < 0 ? null : trimmed.substring(colon + 1);
        if (!POLICY.matcher(policy).matches()) {
            throw new InvalidInputException("permissions", "'" + policy + "' is not a Greenfield permission name");
        }
        if (scope != null && (!SCOPE.matcher(scope).matches() || !ApplicationGrant.storePolicy(policy))) {
            throw new InvalidInputException("permissions", "'" + trimmed + "' has a store scope that is not valid for it");
        }
        return scope == null ? policy : policy + ":" + scope;
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new InvalidInputException(name, "is given more than once");
        }
        return values.isEmpty() || values.get(0) == null || values.get(0).isBlank() ? null : values.get(0).trim();
    }

    private static String text(Map<String, List<String>> params, String name) {
        String v = single(params, name);
        if (v != null && (v.length() > MAX_NAME || v.chars().anyMatch(Character::isISOControl))) {
            throw new InvalidInputException(name, "must be at most " + MAX_NAME + " characters, without control characters");
        }
        return v;
    }

    private static boolean bool(Map<String, List<String>> params, String name, boolean fallback) {
        String v = single(params, name);
        if (v == null) {
            return fallback;
        }
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw new InvalidInputException(name, "must be true or false");
    }

    /**
     * BTCPay drops a relative redirect and shows the key instead; here a redirect that is not an absolute http(s) URL
     * is refused outright, since a key must never go anywhere the user was not shown.
     */
    private static URI redirect(String v) {
        if (v == null) {
            return null;
        }
        if (v.length() > MAX_REDIRECT) {
            throw new InvalidInputException("redirect", "must be at most " + MAX_REDIRECT + " characters");
        }
        URI uri;
        try {
            uri = new URI(v);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("redirect", "is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new InvalidInputException("redirect", "must be an absolute http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidInputException("redirect", "must not contain a user name or password");
        }
        return uri;
    }
}
