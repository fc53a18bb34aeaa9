package org.vein2vein.batch.domain.rules;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.vein2vein.batch.domain.StageData;
import org.vein2vein.kernel.Stage;

/**
 * A step as a technician reports it: the stage reached, when and where, its typed data, and the
 * documented deviation under which a step outside its time window is accepted.
 */
public record Step(Stage stage, Instant occurredAt, String site, Optional<String> deviationReference,
        StageData data) {

    public Step {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(deviationReference, "deviationReference");
        Objects.requireNonNull(data, "data");
    }
}
