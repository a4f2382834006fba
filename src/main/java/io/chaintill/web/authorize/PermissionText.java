package io.chaintill.web.authorize;

import java.util.Map;

/**
 * What each Greenfield permission lets an application do, in plain words for the consent page. Only words: which
 * permission includes which is the access domain's business, not repeated here.
 */
final class PermissionText {
    private static final Map<String, String> TEXT = Map.ofEntries(
            Map.entry("unrestricted", "Do everything your account may do"),
            Map.entry("btcpay.server.canmodifyserversettings", "Change the server's settings and manage its users"),
            Map.entry("btcpay.server.canuseinternallightningnode", "Use the server's internal Lightning node"),
            Map.entry("btcpay.server.cancreatelightninginvoiceinternalnode", "Create Lightning invoices on the server's internal node"),
            Map.entry("btcpay.server.canviewlightninginvoiceinternalnode", "View Lightning invoices of the server's internal node"),
            Map.entry("btcpay.server.canviewusers", "View the server's users"),
            Map.entry("btcpay.server.cancreateuser", "Create new users"),
            Map.entry("btcpay.server.canmanageusers", "Manage the server's users"),
            Map.entry("btcpay.user.canviewprofile", "View your profile"),
            Map.entry("btcpay.user.canmodifyprofile", "View and change your profile"),
            Map.entry("btcpay.user.canviewnotificationsforuser", "View your notifications"),
            Map.entry("btcpay.user.canmanagenotificationsforuser", "View and manage your notifications"),
            Map.entry("btcpay.user.candeleteuser", "Delete your account"),
            Map.entry("btcpay.store.canmodifystoresettings", "Change the store's settings and everything in it"),
            Map.entry("btcpay.store.canviewstoresettings", "View the store's settings, invoices, payment requests, reports and payouts"),
            Map.entry("btcpay.store.canmodifyinvoices", "Create, view and change invoices (mark them paid or invalid, archive them)"),
            Map.entry("btcpay.store.canviewinvoices", "View invoices"),
            Map.entry("btcpay.store.cancreateinvoice", "Create invoices"),
            Map.entry("btcpay.store.webhooks.canmodifywebhooks", "Create, change and delete the store's webhooks"),
            Map.entry("btcpay.store.canmodifypaymentrequests", "Create and change payment requests"),
            Map.entry("btcpay.store.canviewpaymentrequests", "View payment requests"),
            Map.entry("btcpay.store.canviewreports", "View the store's reports"),
            Map.entry("btcpay.store.canmanagepullpayments", "Create, approve and archive pull payments"),
            Map.entry("btcpay.store.cancreatepullpayments", "Create pull payments"),
            Map.entry("btcpay.store.cancreatenonapprovedpullpayments", "Create pull payments that wait for your approval (refunds)"),
            Map.entry("btcpay.store.canarchivepullpayments", "Archive pull payments"),
            Map.entry("btcpay.store.canviewpullpayments", "View pull payments"),
            Map.entry("btcpay.store.canmanagepayouts", "Manage payouts"),
            Map.entry("btcpay.store.canviewpayouts", "View payouts"),
            Map.entry("btcpay.store.canuselightningnode", "Use the store's Lightning node"),
            Map.entry("btcpay.store.cancreatelightninginvoice", "Create Lightning invoices"),
            Map.entry("btcpay.store.canviewlightninginvoice", "View Lightning invoices"),
            Map.entry("btcpay.store.cansendstoreemails", "Send emails in the store's name"));

    private PermissionText() {
    }

    /** The plain-words meaning of a policy name (without a store scope). */
    static String describe(String policy) {
        String t = TEXT.get(policy);
        if (t != null) {
            return t;
        }
        return policy.startsWith("btcpay.plugin.") ? "A permission defined by a plugin" : "A permission this server has no description for";
    }
}
