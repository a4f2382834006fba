package io.chaintill.domain.payment;

import io.chaintill.domain.InvalidInputException;

/** How many confirmations make a payment final, in Greenfield's names. The count per chain lives in each chain's handler. */
public enum SpeedPolicy {
    HighSpeed, MediumSpeed, LowMediumSpeed, LowSpeed;

    public static SpeedPolicy parse(String value, String field) {
        for (SpeedPolicy p : values()) {
            if (p.name().equalsIgnoreCase(value)) {
                return p;
            }
        }
        throw new InvalidInputException(field, "must be one of HighSpeed, MediumSpeed, LowMediumSpeed, LowSpeed");
    }
}
