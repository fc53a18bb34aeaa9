package org.vein2vein.batch.application;

import java.time.Instant;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.vein2vein.batch.domain.Stage;

/**
 * Records that a step of the batch's journey happened.
 *
 * @param expectedSequence the ledger sequence the client last saw (its If-Match), if it sent one
 */
public record LogStep(Stage stage, Instant occurredAt, String site, ObjectNode data, OptionalLong expectedSequence) {
}
