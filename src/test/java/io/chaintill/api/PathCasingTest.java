package io.chaintill.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PathCasingTest {
    private final PathCasing casing = new PathCasing(List.of(
            "api/v1/stores/{storeId}/invoices",
            "api/v1/stores/{storeId}/invoices/{invoiceId}",
            "/api/v1/stores/{storeId}/invoices/export.csv",
            "api/v1/stores/{storeId}/payment-methods/onchain",
            "api/v1/stores/{storeId}/payment-methods/onchain/{cryptoCode}/preview",
            "api/v1/stores/{storeId}/payment-methods/{paymentMethodId}/wallet/preview",
            "api/v1/chains/BTC/transactions",
            "dashboard/{path: (?!login$|logout$).+}",
            "dashboard/login",
            "assets/{path: .+}"));

    @Test
    void literalSegmentsTakeTheirTemplatesCasing() {
        assertEquals("/api/v1/stores/AbC/payment-methods/onchain/BTC/preview",
                casing.canonical("/API/V1/Stores/AbC/Payment-Methods/OnChain/BTC/Preview"));
        assertEquals("/api/v1/stores/AbC/payment-methods/onchain", casing.canonical("/api/v1/stores/AbC/payment-methods/OnChain"));
        assertEquals("/api/v1/stores/X/invoices", casing.canonical("/api/v1/stores/X/Invoices"));
        assertEquals("/api/v1/chains/BTC/transactions", casing.canonical("/api/v1/Chains/btc/transactions"));
        assertEquals("/dashboard/login", casing.canonical("/Dashboard/LOGIN"));
    }

    @Test
    void parametersAndUnknownSegmentsStayAsSent() {
        assertEquals("/api/v1/stores/Invoices/invoices/OnChain",
                casing.canonical("/api/v1/stores/Invoices/invoices/OnChain"));
        assertEquals("/api/v1/stores/s/payment-methods/BTC-CHAIN/wallet/preview",
                casing.canonical("/api/v1/stores/s/payment-methods/BTC-CHAIN/Wallet/Preview"));
        assertEquals("/api/v1/stores/s/invoices/export.csv", casing.canonical("/api/v1/stores/s/invoices/Export.CSV"));
        assertEquals("/api/v1/Unknown/Path", casing.canonical("/API/V1/Unknown/Path"));
        assertEquals("/api/v1/stores/%7A%zz/invoices/x", casing.canonical("/api/v1/stores/%7A%zz/Invoices/x"));
    }

    @Test
    void nothingIsTouchedBehindARegexParameterThatSpansSegments() {
        assertEquals("/assets/Checkout/App.JS", casing.canonical("/Assets/Checkout/App.JS"));
        assertEquals("/dashboard/Stores/Invoices", casing.canonical("/dashboard/Stores/Invoices"));
    }
}
