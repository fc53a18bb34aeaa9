package org.vein2vein.product.persistence;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.vein2vein.kernel.BatchType;
import org.vein2vein.platform.persistence.ActorColumns;

/** One saved version of a product's definition; append-only (the database refuses changes). */
@Entity
@Immutable
@IdClass(ProductVersionEntity.Key.class)
@Table(name = "product_version")
public class ProductVersionEntity {

    @Id
    @Column(name = "code", length = 32)
    String code;

    @Id
    @Column(name = "version")
    int version;

    @Column(name = "name", nullable = false, length = 100)
    String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false, length = 16)
    BatchType type;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "definition", nullable = false)
    String definition;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Embedded
    @AttributeOverride(name = "id", column = @Column(name = "created_by_id"))
    @AttributeOverride(name = "role", column = @Column(name = "created_by_role"))
    @AttributeOverride(name = "organisation", column = @Column(name = "created_by_organisation"))
    ActorColumns createdBy;

    protected ProductVersionEntity() {
    }

    /** The primary key: a product's code and the version number. */
    public static class Key implements Serializable {
        String code;
        int version;

        protected Key() {
        }

        Key(String code, int version) {
            this.code = code;
            this.version = version;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.code.equals(code) && key.version == version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(code, version);
        }
    }
}
