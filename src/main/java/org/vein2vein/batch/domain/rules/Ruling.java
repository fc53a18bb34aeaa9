package org.vein2vein.batch.domain.rules;

import java.util.Map;
import java.util.Objects;

/** What a safety rule answers about a step: accepted (perhaps noting something for the record), or refused. */
public sealed interface Ruling {

    Ruling ACCEPTED = new Accepted(Map.of());

    static Ruling accept() {
        return ACCEPTED;
    }

    /** Accepted, with a fact the event records beside the step's data (e.g. the QC assessment). */
    static Ruling acceptNoting(String name, Object value) {
        return new Accepted(Map.of(name, value));
    }

    static Ruling refuse(Refusal refusal) {
        return new Refused(refusal);
    }

    /** @param notes members the recorded event adds to the step's data */
    record Accepted(Map<String, Object> notes) implements Ruling {
        public Accepted {
            notes = Map.copyOf(notes);
        }
    }

    record Refused(Refusal refusal) implements Ruling {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
        }
    }
}
