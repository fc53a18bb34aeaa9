package org.vein2vein.product.domain;

/** The labelled dose, in CAR-positive viable T cells per dose, both ends included. */
public record DoseRange(long min, long max) {
}
