package org.vein2vein.batch.application;

import org.vein2vein.kernel.Stage;
import org.vein2vein.product.domain.ReleaseAssessment;

/**
 * The QC gate: a batch is RELEASED only when every required QC result is in and within the
 * release specification, and OUT_OF_SPEC only when one is not.
 *
 * @param assessment empty when the batch has no release specification to assess against
 */
public class ReleaseGateException extends RuntimeException {

    private final Stage attempted;
    private final transient ReleaseAssessment assessment;

    public ReleaseGateException(Stage attempted, ReleaseAssessment assessment, String message) {
        super(message);
        this.attempted = attempted;
        this.assessment = assessment;
    }

    public Stage attempted() {
        return attempted;
    }

    /** Null when the batch has no release specification. */
    public ReleaseAssessment assessment() {
        return assessment;
    }
}
