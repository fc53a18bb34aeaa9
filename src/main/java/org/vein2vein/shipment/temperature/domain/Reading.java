package org.vein2vein.shipment.temperature.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** What one logger measured at one moment. */
public record Reading(Instant at, BigDecimal celsius) {

    public Reading {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(celsius, "celsius");
    }
}
