package org.vein2vein.shipper.persistence;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import org.vein2vein.platform.persistence.ActorColumns;
import org.vein2vein.shipper.domain.Shipper;
import org.vein2vein.shipper.domain.ShipperRevision;
import org.vein2vein.shipper.domain.ShipperType;

/** One version of a shipper, append-only: the database refuses to change or remove it. */
@Entity
@Immutable
@Table(name = "shipper_revision")
public class ShipperRevisionEntity {

    @EmbeddedId
    Key key;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false, length = 16)
    ShipperType type;

    @Column(name = "qualified_until", nullable = false)
    Instant qualifiedUntil;

    @Column(name = "validated_hold_time_seconds", nullable = false)
    long validatedHoldTimeSeconds;

    @Column(name = "active", nullable = false)
    boolean active;

    @Column(name = "revised_at", nullable = false)
    Instant revisedAt;

    @Embedded
    ActorColumns revisedBy;

    protected ShipperRevisionEntity() {
    }

    public static ShipperRevisionEntity of(ShipperRevision revision) {
        Shipper shipper = revision.shipper();
        ShipperRevisionEntity entity = new ShipperRevisionEntity();
        entity.key = new Key(shipper.id(), shipper.version());
        entity.type = shipper.type();
        entity.qualifiedUntil = shipper.qualifiedUntil();
        entity.validatedHoldTimeSeconds = shipper.validatedHoldTime().toSeconds();
        entity.active = shipper.active();
        entity.revisedAt = revision.revisedAt();
        entity.revisedBy = ActorColumns.of(revision.revisedBy());
        return entity;
    }

    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "shipper_id", length = 32)
        String shipperId;

        @Column(name = "version")
        long version;

        protected Key() {
        }

        Key(String shipperId, long version) {
            this.shipperId = shipperId;
            this.version = version;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.shipperId.equals(shipperId) && key.version == version;
        }

        @Override
        public int hashCode() {
            return shipperId.hashCode() * 31 + Long.hashCode(version);
        }
    }
}
