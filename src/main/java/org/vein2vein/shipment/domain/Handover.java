package org.vein2vein.shipment.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.vein2vein.kernel.Actor;

/**
 * One transfer of a shipment's custody, with both its sides: released by the party holding it,
 * accepted by the next with the condition it observed. Until accepted, the releasing party holds it.
 */
public record Handover(int number, Party from, Party to, Optional<String> place, Instant releasedAt, Actor releasedBy,
        Optional<Acceptance> acceptance) {

    /** The receiving side: who accepted, when, and the condition they observed. */
    public record Acceptance(Instant at, Actor by, Condition condition) {
        public Acceptance {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(condition, "condition");
        }
    }

    /** The condition a receiving party observed. */
    public enum Condition { INTACT, DAMAGED, TEMPERATURE_EXCURSION }

    public Handover {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(releasedAt, "releasedAt");
        Objects.requireNonNull(releasedBy, "releasedBy");
        Objects.requireNonNull(acceptance, "acceptance");
    }

    public boolean isPending() {
        return acceptance.isEmpty();
    }

    public Handover acceptedBy(Actor actor, Instant at, Condition condition) {
        return new Handover(number, from, to, place, releasedAt, releasedBy,
                Optional.of(new Acceptance(at, actor, condition)));
    }
}
