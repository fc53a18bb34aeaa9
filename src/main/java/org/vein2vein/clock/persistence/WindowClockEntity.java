package org.vein2vein.clock.persistence;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.vein2vein.clock.domain.WindowClock;
import org.vein2vein.kernel.Stage;

/** The stored state of a live clock (table window_clock). */
@Entity
@Table(name = "window_clock")
public class WindowClockEntity {

    @EmbeddedId
    Id id;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_stage", nullable = false, length = 40)
    Stage fromStage;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_stage", nullable = false, length = 40)
    Stage toStage;

    @Column(name = "started_at", nullable = false)
    Instant startedAt;

    @Column(name = "deadline", nullable = false)
    Instant deadline;

    @Column(name = "stopped_at")
    Instant stoppedAt;

    @Column(name = "warned_at")
    Instant warnedAt;

    @Column(name = "breached_at")
    Instant breachedAt;

    protected WindowClockEntity() {
    }

    WindowClock toDomain() {
        return new WindowClock(id.coi, id.unitId, id.windowName, fromStage, toStage, startedAt, deadline,
                Optional.ofNullable(stoppedAt), Optional.ofNullable(warnedAt), Optional.ofNullable(breachedAt));
    }

    /** A clock is one window of one batch, or of one dose unit of it ("" for the batch). */
    @Embeddable
    static class Id implements Serializable {

        @Column(name = "coi", nullable = false, length = 14)
        String coi;

        @Column(name = "unit_id", nullable = false, length = 64)
        String unitId;

        @Column(name = "window_name", nullable = false, length = 64)
        String windowName;

        protected Id() {
        }

        Id(WindowClock.Key key) {
            this.coi = key.coi();
            this.unitId = key.unitId();
            this.windowName = key.window();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Id that && coi.equals(that.coi) && unitId.equals(that.unitId)
                    && windowName.equals(that.windowName);
        }

        @Override
        public int hashCode() {
            return Objects.hash(coi, unitId, windowName);
        }
    }
}
