package org.vein2vein.product.domain;

import java.util.List;

/** A product definition that could not be applied to batches as it stands. */
public class InvalidProductDefinitionException extends RuntimeException {

    private final transient List<DefinitionViolation> violations;

    public InvalidProductDefinitionException(String code, List<DefinitionViolation> violations) {
        super("the definition of product " + code + " is not valid", null, false, false);
        this.violations = List.copyOf(violations);
    }

    public List<DefinitionViolation> violations() {
        return violations;
    }
}
