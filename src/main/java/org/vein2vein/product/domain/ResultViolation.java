package org.vein2vein.product.domain;

/** One thing wrong with reported QC results: where, in the terms of their JSON form, and what. */
public record ResultViolation(String field, String message) {
}
