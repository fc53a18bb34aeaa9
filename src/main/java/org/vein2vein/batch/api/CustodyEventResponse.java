package org.vein2vein.batch.api;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.custody.application.CanonicalJson;
import org.vein2vein.custody.domain.CustodyEvent;
import org.vein2vein.custody.domain.CustodyEventType;
import org.vein2vein.platform.web.ActorResponse;

/** One ledger entry with its hashes, as QA reads it. */
@Schema(name = "CustodyEvent")
public record CustodyEventResponse(
        UUID eventId,
        String coi,
        @Schema(description = "Position in the batch's ledger, gapless from 1") long sequence,
        CustodyEventType type,
        @Schema(description = "The batch's stage once this event applied") String stage,
        @Schema(description = "When it happened, as reported") Instant occurredAt,
        @Schema(description = "When the service recorded it") Instant recordedAt,
        @Schema(description = "Who did it (pseudonymous), in which role, for which organisation: from their "
                + "token") ActorResponse actor,
        String site,
        @Schema(description = "Event details: for a step, the typed data of its stage as recorded (with what the "
                + "service adds, such as a QC assessment); for a refused attempt, the attempt; for a clock alert, the "
                + "window; null when the stored payload is not JSON (the verification then reports the ledger "
                + "broken at this event)") JsonNode data,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The stored payload as text, only when it is not JSON: what a tampered row holds")
        String unreadablePayload,
        @Schema(description = "Hash of the previous event; 64 zeros for the first") String previousHash,
        @Schema(description = "SHA-256 of this event's canonical form (see docs/custody-ledger.md)") String hash) {

    public static CustodyEventResponse of(CustodyEvent event, CanonicalJson json) {
        Optional<JsonNode> data = json.readStored(event.payload());
        return new CustodyEventResponse(event.eventId(), event.coi(), event.sequence(), event.type(), event.stage(),
                event.occurredAt(), event.recordedAt(), ActorResponse.of(event.actor()), event.site(), data.orElse(null),
                data.isPresent() ? null : event.payload(),
                event.previousHash(), event.hash());
    }
}
