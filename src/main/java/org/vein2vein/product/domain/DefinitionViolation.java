package org.vein2vein.product.domain;

/** One thing wrong with a product definition: where, in the terms of its JSON form, and what. */
public record DefinitionViolation(String field, String message) {
}
