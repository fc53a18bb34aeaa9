package org.vein2vein.batch.application;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.vein2vein.batch.domain.Stage;

/** Records that a step of the batch's journey happened. */
public record LogStep(Stage stage, Instant occurredAt, String site, ObjectNode data) {
}
