package org.vein2vein.product.domain;

import java.time.Instant;
import java.util.Objects;

import org.vein2vein.kernel.Actor;

/**
 * One version of a product's definition, as it was saved: never changed afterwards, so that a
 * batch pinned to it keeps the rules it started with.
 */
public record ProductVersion(ProductDefinition definition, int version, Instant createdAt, Actor createdBy) {

    public ProductVersion {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        if (version < 1) {
            throw new IllegalArgumentException("versions count from 1");
        }
    }

    public String code() {
        return definition.code();
    }
}
