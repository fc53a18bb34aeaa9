package org.vein2vein.product.domain;

import java.util.List;

/** QC results that cannot be judged against a release specification as they stand. */
public class InvalidQcResultsException extends RuntimeException {

    private final transient List<ResultViolation> violations;

    public InvalidQcResultsException(List<ResultViolation> violations) {
        super("the QC results are not valid", null, false, false);
        this.violations = List.copyOf(violations);
    }

    public List<ResultViolation> violations() {
        return violations;
    }
}
