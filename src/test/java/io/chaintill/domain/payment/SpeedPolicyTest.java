package io.chaintill.domain.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chaintill.domain.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SpeedPolicyTest {

    @ParameterizedTest
    @CsvSource({"HighSpeed, HighSpeed", "highspeed, HighSpeed", "MEDIUMSPEED, MediumSpeed",
            "LowMediumSpeed, LowMediumSpeed", "lowmediumspeed, LowMediumSpeed", "LowSpeed, LowSpeed"})
    void parsesGreenfieldNamesIgnoringCase(String text, SpeedPolicy expected) {
        assertEquals(expected, SpeedPolicy.parse(text, "speedPolicy"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Fast", "High", "0", "High Speed", "HighSpeed2"})
    void refusesOthersNamingTheFieldAndTheChoices(String text) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SpeedPolicy.parse(text, "checkout.speedPolicy"));
        assertEquals("checkout.speedPolicy", e.field());
        for (SpeedPolicy p : SpeedPolicy.values()) {
            assertTrue(e.getMessage().contains(p.name()), e.getMessage());
        }
    }

    @Test
    void allFourGreenfieldPoliciesExist() {
        assertEquals(4, SpeedPolicy.values().length);
    }
}
