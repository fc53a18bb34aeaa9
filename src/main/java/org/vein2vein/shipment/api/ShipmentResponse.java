package org.vein2vein.shipment.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.platform.web.ActorResponse;
import org.vein2vein.product.domain.TemperatureClass;
import org.vein2vein.shipment.domain.Handover;
import org.vein2vein.shipment.domain.Leg;
import org.vein2vein.shipment.domain.Party;
import org.vein2vein.shipment.domain.Shipment;
import org.vein2vein.shipment.domain.ShipmentStatus;

/** A shipment: where it goes, what it carries, who holds it, and every handover with both its sides. */
@Schema(name = "Shipment")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShipmentResponse(
        @Schema(example = "SHP-7K3Q9P2XRTB4") String id,
        ShipmentStatus status,
        @Schema(example = "MFG-GENT-01") String originSite,
        @Schema(example = "SITE-LYON-01") String destinationSite,
        @Schema(description = "The logistics partner's organisation id", example = "CRYO-COURIER-EU") String courier,
        @Schema(example = "DS-0192") String shipperId,
        @Schema(description = "The courier's tracking number, an attribute only") String trackingNumber,
        TemperatureClass temperatureClass,
        @Schema(description = "TO_MANUFACTURING or TO_TREATMENT_SITE: the batch stages packing and receipt record") Leg leg,
        @Schema(description = "The organisation holding it now", example = "HOSP-LYON") String custodian,
        Instant plannedPickupAt, Instant plannedArrivalAt, Instant outOfStorageSince, Instant packedAt,
        Instant pickedUpAt, Instant deliveredAt, Instant receivedAt,
        @Schema(description = "The units on board, with their batches") List<UnitOnBoardResponse> units,
        @Schema(description = "Every handover, in order; one without acceptedAt waits for its receiving side")
        List<HandoverResponse> handovers,
        @Schema(description = "The number of the handover waiting for its acceptance, if one does") Integer pendingHandover,
        @Schema(description = "Its version, also the ETag: send it as If-Match with a transition") long version) {

    @Schema(name = "UnitOnBoard")
    public record UnitOnBoardResponse(@Schema(example = "V2V7K3Q9P2XRTB") String coi,
            @Schema(example = "V2V7K3Q9P2XRTB-01") String unitId) {
    }

    @Schema(name = "Party")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PartyResponse(@Schema(example = "CRYO-COURIER-EU") String organisation,
            @Schema(description = "The site, for a site's side") String site) {
        static PartyResponse of(Party party) {
            return new PartyResponse(party.organisation(), party.site().orElse(null));
        }
    }

    @Schema(name = "Handover")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HandoverResponse(int number, PartyResponse from, PartyResponse to, String place, Instant releasedAt,
            ActorResponse releasedBy, Instant acceptedAt, ActorResponse acceptedBy, Handover.Condition condition) {
        static HandoverResponse of(Handover handover) {
            return new HandoverResponse(handover.number(), PartyResponse.of(handover.from()),
                    PartyResponse.of(handover.to()), handover.place().orElse(null), handover.releasedAt(),
                    ActorResponse.of(handover.releasedBy()),
                    handover.acceptance().map(Handover.Acceptance::at).orElse(null),
                    handover.acceptance().map(acceptance -> ActorResponse.of(acceptance.by())).orElse(null),
                    handover.acceptance().map(Handover.Acceptance::condition).orElse(null));
        }
    }

    static ShipmentResponse of(Shipment shipment) {
        return new ShipmentResponse(shipment.id(), shipment.status(), shipment.originSite(), shipment.destinationSite(),
                shipment.courier(), shipment.shipperId(), shipment.trackingNumber().orElse(null),
                shipment.temperatureClass(), shipment.leg(), shipment.custodian(), shipment.plannedPickupAt(),
                shipment.plannedArrivalAt(), shipment.outOfStorageSince().orElse(null),
                shipment.packedAt().orElse(null), shipment.pickedUpAt().orElse(null),
                shipment.deliveredAt().orElse(null), shipment.receivedAt().orElse(null),
                shipment.units().stream().map(unit -> new UnitOnBoardResponse(unit.coi(), unit.unitId())).toList(),
                shipment.handovers().stream().map(HandoverResponse::of).toList(),
                shipment.pendingHandover().map(Handover::number).orElse(null), shipment.version());
    }

    @JsonIgnore
    String etag() {
        return Long.toString(version);
    }
}
