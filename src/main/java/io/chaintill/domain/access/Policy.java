package io.chaintill.domain.access;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Greenfield permission policies and what each one implies, as BTCPay defines them
 * (e.g. canmodifystoresettings includes everything a store can do).
 */
public enum Policy {
    UNRESTRICTED("unrestricted", true),
    SERVER_MODIFY_SETTINGS("btcpay.server.canmodifyserversettings", true),
    SERVER_CREATE_USER("btcpay.server.cancreateuser", true),
    USER_VIEW_PROFILE("btcpay.user.canviewprofile", true),
    USER_MODIFY_PROFILE("btcpay.user.canmodifyprofile", true),
    STORE_MODIFY_SETTINGS("btcpay.store.canmodifystoresettings", false),
    STORE_VIEW_SETTINGS("btcpay.store.canviewstoresettings", false),
    STORE_MODIFY_WEBHOOKS("btcpay.store.webhooks.canmodifywebhooks", false),
    STORE_MODIFY_INVOICES("btcpay.store.canmodifyinvoices", false),
    STORE_VIEW_INVOICES("btcpay.store.canviewinvoices", false),
    STORE_CREATE_INVOICE("btcpay.store.cancreateinvoice", false);

    private final String greenfieldName;
    private final boolean serverWide;

    Policy(String greenfieldName, boolean serverWide) {
        this.greenfieldName = greenfieldName;
        this.serverWide = serverWide;
    }

    public String greenfieldName() {
        return greenfieldName;
    }

    /** Server-wide policies cannot be scoped to a store. */
    public boolean serverWide() {
        return serverWide;
    }

    public static Optional<Policy> byName(String name) {
        for (Policy p : values()) {
            if (p.greenfieldName.equalsIgnoreCase(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** This policy and every policy it includes. */
    public Set<Policy> closure() {
        Set<Policy> out = EnumSet.of(this);
        switch (this) {
            case UNRESTRICTED -> out.addAll(EnumSet.allOf(Policy.class));
            case SERVER_MODIFY_SETTINGS -> out.add(SERVER_CREATE_USER);
            case USER_MODIFY_PROFILE -> out.add(USER_VIEW_PROFILE);
            case STORE_MODIFY_SETTINGS -> out.addAll(EnumSet.of(STORE_VIEW_SETTINGS, STORE_MODIFY_WEBHOOKS,
                    STORE_MODIFY_INVOICES, STORE_VIEW_INVOICES, STORE_CREATE_INVOICE));
            case STORE_VIEW_SETTINGS -> out.add(STORE_VIEW_INVOICES);
            case STORE_MODIFY_INVOICES -> out.addAll(EnumSet.of(STORE_VIEW_INVOICES, STORE_CREATE_INVOICE));
            default -> {
            }
        }
        return out;
    }
}
