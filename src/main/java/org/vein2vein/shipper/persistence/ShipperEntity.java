package org.vein2vein.shipper.persistence;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.vein2vein.shipper.domain.Shipper;
import org.vein2vein.shipper.domain.ShipperType;

/**
 * The current version of a shipper; {@code shipper_revision} holds every version. The version is
 * compared under the row's lock ({@link ShipperRepository#findForUpdate}), as for sites, because
 * clients name it.
 */
@Entity
@Table(name = "shipper")
public class ShipperEntity {

    @Id
    @Column(name = "id", length = 32)
    String id;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false, length = 16)
    ShipperType type;

    @Column(name = "qualified_until", nullable = false)
    Instant qualifiedUntil;

    @Column(name = "validated_hold_time_seconds", nullable = false)
    long validatedHoldTimeSeconds;

    @Column(name = "active", nullable = false)
    boolean active;

    @Column(name = "version", nullable = false)
    long version;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected ShipperEntity() {
    }

    public static ShipperEntity of(Shipper shipper, Instant now) {
        ShipperEntity entity = new ShipperEntity();
        entity.id = shipper.id();
        entity.createdAt = now;
        entity.apply(shipper, now);
        return entity;
    }

    /** Takes over the values of {@code shipper}, a later version of the same shipper. */
    public void apply(Shipper shipper, Instant now) {
        if (!shipper.id().equals(id)) {
            throw new IllegalArgumentException("a shipper entity only takes the values of its own shipper");
        }
        type = shipper.type();
        qualifiedUntil = shipper.qualifiedUntil();
        validatedHoldTimeSeconds = shipper.validatedHoldTime().toSeconds();
        active = shipper.active();
        version = shipper.version();
        updatedAt = now;
    }

    public Shipper toDomain() {
        return new Shipper(id, type, qualifiedUntil, Duration.ofSeconds(validatedHoldTimeSeconds), active, version);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
