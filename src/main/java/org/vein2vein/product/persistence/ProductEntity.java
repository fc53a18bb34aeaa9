package org.vein2vein.product.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.vein2vein.kernel.BatchType;

/** A product: which of its versions is current. The versions themselves never change. */
@Entity
@Table(name = "product")
public class ProductEntity {

    @Id
    @Column(name = "code", length = 32)
    String code;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false, length = 16)
    BatchType type;

    @Column(name = "current_version", nullable = false)
    int currentVersion;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected ProductEntity() {
    }

    public String code() {
        return code;
    }

    public BatchType type() {
        return type;
    }

    public int currentVersion() {
        return currentVersion;
    }

    /** Makes {@code version}, just saved, the current one. */
    public void moveTo(int version, Instant now) {
        if (version != currentVersion + 1) {
            throw new IllegalArgumentException("versions follow each other without gaps");
        }
        currentVersion = version;
        updatedAt = now;
    }
}
