package io.chaintill.domain.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chaintill.domain.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentMethodIdTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "BTC, BTC-CHAIN",
            "btc, BTC-CHAIN",
            "BTC-CHAIN, BTC-CHAIN",
            "btc-chain, BTC-CHAIN",
            "BTC_CHAIN, BTC-CHAIN",
            "BTC-OnChain, BTC-CHAIN",
            "BTC_OnChain, BTC-CHAIN",
            "' BTC-CHAIN ', BTC-CHAIN",
            "ETH, ETH-CHAIN",
            "ETH-CHAIN, ETH-CHAIN",
            "USDT-ERC20, USDT-ERC20",
            "usdt_erc20, USDT-ERC20",
            "usdc-basesepolia, USDC-BASESEPOLIA",
    })
    void acceptsGreenfieldSpellings(String input, String canonical) {
        PaymentMethodId id = PaymentMethodId.parse(input, "paymentMethods[0]");
        assertEquals(canonical, id.toString());
        assertEquals(id, PaymentMethodId.parse(id.toString(), "x"), "canonical form parses to itself");
    }

    @Test
    void splitsIntoCurrencyAndKind() {
        assertEquals(new PaymentMethodId("USDT", "ERC20"), PaymentMethodId.parse("USDT-ERC20", "f"));
        assertEquals(PaymentMethodId.BTC_CHAIN, PaymentMethodId.parse("BTC-OnChain", "f"));
        assertEquals("BTC", PaymentMethodId.BTC_CHAIN.currency());
        assertEquals("CHAIN", PaymentMethodId.BTC_CHAIN.kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "B", "BTC-", "-CHAIN", "BTC CHAIN", "BTC--CHAIN", "BTC-CHAIN-X", "BTC-C",
            "BTC;DROP TABLE", "<script>", "BTC.CHAIN", "ABCDEFGHIJK", "BTC-ABCDEFGHIJKLM", "BTC/CHAIN", "€UR"})
    void garbageIsRefusedNamingTheField(String input) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PaymentMethodId.parse(input, "checkout.paymentMethods[1]"));
        assertEquals("checkout.paymentMethods[1]", e.field());
        assertEquals("is not a payment method id (e.g. BTC-CHAIN)", e.getMessage(), "a fixed message, the input not echoed");
    }

    @Test
    void missingIsRequired() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PaymentMethodId.parse(null, "defaultPaymentMethod"));
        assertEquals("defaultPaymentMethod", e.field());
        assertEquals("is required", e.getMessage());
    }
}
