package org.vein2vein.batch.application;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.vein2vein.kernel.Stage;

/**
 * Records that a step of the batch's journey happened.
 *
 * @param deviationReference the documented deviation under which a step outside its time window is accepted
 * @param facts              what the rules need of the step's typed data
 * @param data               the step's typed data as JSON, as the ledger keeps it
 * @param expectedSequence   the ledger sequence the client last saw (its If-Match), if it sent one
 */
public record LogStep(Stage stage, Instant occurredAt, String site, Optional<String> deviationReference,
        StepFacts facts, ObjectNode data, OptionalLong expectedSequence) {

    public LogStep {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(deviationReference, "deviationReference");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(expectedSequence, "expectedSequence");
    }
}
