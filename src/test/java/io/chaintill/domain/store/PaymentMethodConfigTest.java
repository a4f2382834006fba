package io.chaintill.domain.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chaintill.domain.InvalidInputException;
import io.chaintill.domain.payment.PaymentMethodId;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PaymentMethodConfigTest {
    private final PaymentMethodConfig config = new PaymentMethodConfig("s-1", PaymentMethodId.parse("USDC-BASE", "m"));

    @Test
    void keepsItsOwnToleranceOrNone() {
        config.configure(true, "xpub", "k", null, null, new BigDecimal("1.5"), Instant.EPOCH);
        assertEquals(new BigDecimal("1.5"), config.paymentTolerance());
        config.configure(true, "xpub", "k", null, null, null, Instant.EPOCH);
        assertNull(config.paymentTolerance(), "none: the store's applies");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "100.01", "0.125"})
    void refusesAToleranceOutsideZeroToHundredOrFinerThanTheColumn(String tolerance) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> config.configure(true, "xpub", "k", null, null, new BigDecimal(tolerance), Instant.EPOCH));
        assertEquals("paymentTolerance", e.field());
    }
}
