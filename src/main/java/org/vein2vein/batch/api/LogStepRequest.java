package org.vein2vein.batch.api;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.batch.domain.Stage;

/** A step of the batch's journey, as a technician logs it; who logged it comes from the token. */
@Schema(name = "LogStepRequest")
public record LogStepRequest(
        @NotNull @Schema(required = true, description = "The stage the batch reaches with this step")
        Stage stage,
        @NotNull @Schema(required = true, description = "When the step happened (ISO-8601 with offset); not in "
                + "the future beyond the allowed clock skew", example = "2026-11-25T09:30:00Z") Instant occurredAt,
        @NotNull @Pattern(regexp = Patterns.REFERENCE, message = Patterns.REFERENCE_MESSAGE)
        @Schema(required = true, description = "Where the step happened", example = "SITE-LYON-01") String site,
        @NotNull @Schema(required = true, description = "Stage data as a JSON object; no personal health "
                + "information. A shipment (SHIPPED_TO_MANUFACTURING, SHIPPED_TO_SITE) names the site it goes to "
                + "in destinationSite.", example = "{\"donationId\": \"A9990 26 123456 7\", \"volumeMl\": 210}")
        ObjectNode data) {
}
