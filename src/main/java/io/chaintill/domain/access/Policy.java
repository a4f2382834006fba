package io.chaintill.domain.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Greenfield permission policy: any name of BTCPay's form, known or not (plugins define their own), so a
 * client asking for a name ChainTill has no feature for gets it echoed back and it grants nothing.
 * {@link #INCLUDES} is the one table of which policy includes which, as BTCPay v2.4.1 defines it
 * (shared/reference/greenfield/permissions.md).
 */
public record Policy(String greenfieldName) {
    /** BTCPay's own bound is the regular expression; ours keeps a name within its column. */
    public static final int MAX_LENGTH = 160;
    private static final Pattern NAME = Pattern.compile("btcpay\\.([a-z0-9]+\\.)*[a-z0-9]+|unrestricted");

    public static final Policy UNRESTRICTED = new Policy("unrestricted");

    public static final Policy SERVER_MODIFY_SETTINGS = new Policy("btcpay.server.canmodifyserversettings");
    public static final Policy SERVER_USE_INTERNAL_LIGHTNING = new Policy("btcpay.server.canuseinternallightningnode");
    public static final Policy SERVER_CREATE_LIGHTNING_INVOICE_INTERNAL =
            new Policy("btcpay.server.cancreatelightninginvoiceinternalnode");
    public static final Policy SERVER_VIEW_LIGHTNING_INVOICE_INTERNAL =
            new Policy("btcpay.server.canviewlightninginvoiceinternalnode");
    public static final Policy SERVER_VIEW_USERS = new Policy("btcpay.server.canviewusers");
    public static final Policy SERVER_CREATE_USER = new Policy("btcpay.server.cancreateuser");
    public static final Policy SERVER_MANAGE_USERS = new Policy("btcpay.server.canmanageusers");

    public static final Policy USER_MODIFY_PROFILE = new Policy("btcpay.user.canmodifyprofile");
    public static final Policy USER_VIEW_PROFILE = new Policy("btcpay.user.canviewprofile");
    public static final Policy USER_MANAGE_NOTIFICATIONS = new Policy("btcpay.user.canmanagenotificationsforuser");
    public static final Policy USER_VIEW_NOTIFICATIONS = new Policy("btcpay.user.canviewnotificationsforuser");
    public static final Policy USER_DELETE = new Policy("btcpay.user.candeleteuser");

    public static final Policy STORE_MODIFY_SETTINGS = new Policy("btcpay.store.canmodifystoresettings");
    public static final Policy STORE_VIEW_SETTINGS = new Policy("btcpay.store.canviewstoresettings");
    public static final Policy STORE_MODIFY_INVOICES = new Policy("btcpay.store.canmodifyinvoices");
    public static final Policy STORE_VIEW_INVOICES = new Policy("btcpay.store.canviewinvoices");
    public static final Policy STORE_CREATE_INVOICE = new Policy("btcpay.store.cancreateinvoice");
    public static final Policy STORE_MODIFY_WEBHOOKS = new Policy("btcpay.store.webhooks.canmodifywebhooks");
    public static final Policy STORE_MODIFY_PAYMENT_REQUESTS = new Policy("btcpay.store.canmodifypaymentrequests");
    public static final Policy STORE_VIEW_PAYMENT_REQUESTS = new Policy("btcpay.store.canviewpaymentrequests");
    public static final Policy STORE_VIEW_REPORTS = new Policy("btcpay.store.canviewreports");
    public static final Policy STORE_MANAGE_PULL_PAYMENTS = new Policy("btcpay.store.canmanagepullpayments");
    public static final Policy STORE_CREATE_PULL_PAYMENTS = new Policy("btcpay.store.cancreatepullpayments");
    public static final Policy STORE_CREATE_NON_APPROVED_PULL_PAYMENTS =
            new Policy("btcpay.store.cancreatenonapprovedpullpayments");
    public static final Policy STORE_ARCHIVE_PULL_PAYMENTS = new Policy("btcpay.store.canarchivepullpayments");
    public static final Policy STORE_VIEW_PULL_PAYMENTS = new Policy("btcpay.store.canviewpullpayments");
    public static final Policy STORE_MANAGE_PAYOUTS = new Policy("btcpay.store.canmanagepayouts");
    public static final Policy STORE_VIEW_PAYOUTS = new Policy("btcpay.store.canviewpayouts");
    public static final Policy STORE_USE_LIGHTNING_NODE = new Policy("btcpay.store.canuselightningnode");
    public static final Policy STORE_CREATE_LIGHTNING_INVOICE = new Policy("btcpay.store.cancreatelightninginvoice");
    public static final Policy STORE_VIEW_LIGHTNING_INVOICE = new Policy("btcpay.store.canviewlightninginvoice");
    public static final Policy STORE_SEND_EMAILS = new Policy("btcpay.store.cansendstoreemails");

    /** Direct inclusions; {@link #closure()} follows them transitively. Every named policy appears as a key. */
    private static final Map<Policy, List<Policy>> INCLUDES = includes();

    public Policy {
        if (greenfieldName == null || !NAME.matcher(greenfieldName).matches()) {
            throw new IllegalArgumentException("not a Greenfield policy name: " + greenfieldName);
        }
    }

    private static Map<Policy, List<Policy>> includes() {
        Map<Policy, List<Policy>> m = new LinkedHashMap<>();
        m.put(UNRESTRICTED, List.of()); // includes everything: see includes(Policy)
        m.put(SERVER_MODIFY_SETTINGS, List.of(SERVER_USE_INTERNAL_LIGHTNING, SERVER_MANAGE_USERS));
        m.put(SERVER_USE_INTERNAL_LIGHTNING, List.of(SERVER_CREATE_LIGHTNING_INVOICE_INTERNAL,
                SERVER_VIEW_LIGHTNING_INVOICE_INTERNAL));
        m.put(SERVER_CREATE_LIGHTNING_INVOICE_INTERNAL, List.of());
        m.put(SERVER_VIEW_LIGHTNING_INVOICE_INTERNAL, List.of());
        m.put(SERVER_VIEW_USERS, List.of());
        m.put(SERVER_CREATE_USER, List.of());
        m.put(SERVER_MANAGE_USERS, List.of());
        m.put(USER_MODIFY_PROFILE, List.of(USER_VIEW_PROFILE));
        m.put(USER_VIEW_PROFILE, List.of());
        m.put(USER_MANAGE_NOTIFICATIONS, List.of(USER_VIEW_NOTIFICATIONS));
        m.put(USER_VIEW_NOTIFICATIONS, List.of());
        m.put(USER_DELETE, List.of());
        m.put(STORE_MODIFY_SETTINGS, List.of(STORE_MANAGE_PULL_PAYMENTS, STORE_MODIFY_INVOICES, STORE_VIEW_SETTINGS,
                STORE_MODIFY_WEBHOOKS, STORE_MODIFY_PAYMENT_REQUESTS, STORE_MANAGE_PAYOUTS, STORE_USE_LIGHTNING_NODE,
                STORE_SEND_EMAILS));
        m.put(STORE_VIEW_SETTINGS, List.of(STORE_VIEW_INVOICES, STORE_VIEW_PAYMENT_REQUESTS, STORE_VIEW_REPORTS,
                STORE_VIEW_PULL_PAYMENTS, STORE_VIEW_PAYOUTS));
        m.put(STORE_MODIFY_INVOICES, List.of(STORE_VIEW_INVOICES, STORE_CREATE_INVOICE, STORE_CREATE_LIGHTNING_INVOICE));
        m.put(STORE_MODIFY_PAYMENT_REQUESTS, List.of(STORE_VIEW_PAYMENT_REQUESTS));
        m.put(STORE_MANAGE_PULL_PAYMENTS, List.of(STORE_CREATE_PULL_PAYMENTS, STORE_ARCHIVE_PULL_PAYMENTS));
        m.put(STORE_CREATE_PULL_PAYMENTS, List.of(STORE_CREATE_NON_APPROVED_PULL_PAYMENTS));
        m.put(STORE_USE_LIGHTNING_NODE, List.of(STORE_VIEW_LIGHTNING_INVOICE, STORE_CREATE_LIGHTNING_INVOICE));
        m.put(STORE_CREATE_LIGHTNING_INVOICE, List.of(STORE_VIEW_LIGHTNING_INVOICE));
        for (Policy leaf : List.of(STORE_VIEW_INVOICES, STORE_CREATE_INVOICE, STORE_MODIFY_WEBHOOKS, STORE_SEND_EMAILS,
                STORE_VIEW_REPORTS, STORE_VIEW_PAYMENT_REQUESTS, STORE_VIEW_PULL_PAYMENTS, STORE_ARCHIVE_PULL_PAYMENTS,
                STORE_CREATE_NON_APPROVED_PULL_PAYMENTS, STORE_MANAGE_PAYOUTS, STORE_VIEW_PAYOUTS,
                STORE_VIEW_LIGHTNING_INVOICE)) {
            m.put(leaf, List.of());
        }
        return m;
    }

    /** A valid name (lower-cased first, as BTCPay does), known or not; empty when it is not of BTCPay's form. */
    public static Optional<Policy> byName(String name) {
        if (name == null || name.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return NAME.matcher(lower).matches() ? Optional.of(new Policy(lower)) : Optional.empty();
    }

    /** Every policy permissions.md names. */
    public static List<Policy> known() {
        return new ArrayList<>(INCLUDES.keySet());
    }

    public boolean isKnown() {
        return INCLUDES.containsKey(this);
    }

    /** Store policies (plugins' {@code btcpay.plugin.store.*} too) are the only ones that may be scoped to a store. */
    public boolean storeScopable() {
        return greenfieldName.startsWith("btcpay.store.") || greenfieldName.startsWith("btcpay.plugin.store.");
    }

    /** Not a store policy: it cannot be scoped to a store. */
    public boolean serverWide() {
        return !storeScopable();
    }

    /** Server policies act on the whole server: only an administrator holds them, whatever a key says. */
    public boolean adminOnly() {
        return greenfieldName.startsWith("btcpay.server.") || greenfieldName.startsWith("btcpay.plugin.server.");
    }

    /** Does holding this policy give {@code other}? {@code unrestricted} gives every policy, named or not. */
    public boolean includes(Policy other) {
        return equals(UNRESTRICTED) || closure().contains(other);
    }

    /** This policy and every named policy it includes (a fresh set). */
    public Set<Policy> closure() {
        if (equals(UNRESTRICTED)) {
            return new LinkedHashSet<>(INCLUDES.keySet());
        }
        Set<Policy> out = new LinkedHashSet<>();
        List<Policy> todo = new ArrayList<>(List.of(this));
        while (!todo.isEmpty()) {
            Policy p = todo.remove(todo.size() - 1);
            if (out.add(p)) {
                todo.addAll(INCLUDES.getOrDefault(p, List.of()));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return greenfieldName;
    }
}
