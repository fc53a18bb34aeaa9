package org.vein2vein.custody.api;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.custody.application.CanonicalJson;
import org.vein2vein.custody.domain.CustodyEvent;
import org.vein2vein.custody.domain.CustodyEventType;

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
        @Schema(description = "Who did it (pseudonymous)") String actor,
        String site,
        @Schema(description = "Event details: the stage data as logged") JsonNode data,
        @Schema(description = "Hash of the previous event; 64 zeros for the first") String previousHash,
        @Schema(description = "SHA-256 of this event's canonical form (see README)") String hash) {

    public static CustodyEventResponse of(CustodyEvent event, CanonicalJson json) {
        return new CustodyEventResponse(event.eventId(), event.coi(), event.sequence(), event.type(), event.stage(),
                event.occurredAt(), event.recordedAt(), event.actor(), event.site(), json.read(event.payload()),
                event.previousHash(), event.hash());
    }
}
