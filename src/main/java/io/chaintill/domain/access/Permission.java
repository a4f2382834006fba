package io.chaintill.domain.access;

import io.chaintill.domain.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A policy, optionally limited to one store ({@code btcpay.store.canviewinvoices:storeId}), parsed as BTCPay
 * parses it, but stricter about the scope: a store id of the form ChainTill gives out, nothing else, so a scope
 * can never carry a second permission (see docs/api.md, "Permissions").
 */
public record Permission(Policy policy, String storeId) {
    /** At most this many permissions per key, each at most {@link #MAX_LENGTH} characters: checked before parsing. */
    public static final int MAX_PER_KEY = 500;
    public static final int MAX_LENGTH = 200;
    /** The ids {@code application.Ids.newId()} makes: 22 base58 characters (a test keeps the two in step). */
    private static final Pattern STORE_ID = Pattern.compile("[1-9A-HJ-NP-Za-km-z]{22}");

    public Permission {
        if (policy == null) {
            throw new IllegalArgumentException("a permission needs a policy");
        }
    }

    /** Parses a list from a client: bounded, each entry strict, duplicates dropped, order kept. */
    public static List<Permission> parseAll(List<String> texts, String field) {
        if (texts.size() > MAX_PER_KEY) {
            throw new InvalidInputException(field, "at most " + MAX_PER_KEY + " permissions per key");
        }
        Set<Permission> out = new LinkedHashSet<>();
        for (String text : texts) {
            out.add(parse(text, field));
        }
        return new ArrayList<>(out);
    }

    public static Permission parse(String text, String field) {
        if (text == null || text.isEmpty()) {
            throw new InvalidInputException(field, "contains an empty permission");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, "a permission is at most " + MAX_LENGTH + " characters");
        }
        // before lower-casing: non-ASCII letters can lower-case to ASCII ones (the Kelvin sign to k)
        if (text.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new InvalidInputException(field, "a permission is printable ASCII, without spaces");
        }
        int colon = text.indexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        String scope = colon < 0 || colon == text.length() - 1 ? null : text.substring(colon + 1); // "policy:" is unscoped, as in BTCPay
        Policy policy = Policy.byName(name).orElseThrow(() -> new InvalidInputException(field,
                "'" + printable(name) + "' is not a permission name (btcpay.<area>.<name> or unrestricted)"));
        if (scope != null && policy.serverWide()) {
            throw new InvalidInputException(field, "permission '" + policy + "' cannot be scoped to a store");
        }
        if (scope != null && !STORE_ID.matcher(scope).matches()) {
            throw new InvalidInputException(field, "the scope of '" + policy + "' is not a store id");
        }
        return new Permission(policy, scope);
    }

    /**
     * Does holding this permission give {@code wanted}: its policy is included, on the same store or, unscoped,
     * on every store. A scoped permission never gives an unscoped one.
     */
    public boolean implies(Permission wanted) {
        return policy.includes(wanted.policy) && (storeId == null || storeId.equals(wanted.storeId));
    }

    /** Does holding this permission allow {@code wanted} on {@code store} (null for server-wide checks)? */
    public boolean grants(Policy wanted, String store) {
        return implies(new Permission(wanted, store));
    }

    @Override
    public String toString() {
        return storeId == null ? policy.greenfieldName() : policy.greenfieldName() + ":" + storeId;
    }

    /** Client text quoted back in an error: short, printable ASCII only. */
    private static String printable(String s) {
        String cut = s.length() > 60 ? s.substring(0, 60) + "..." : s;
        return cut.replaceAll("[^\\x21-\\x7e]", "?");
    }
}
