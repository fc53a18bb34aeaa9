package org.vein2vein.product.application;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemType;

/** The client changed a product from a version that is no longer the current one. */
public class StaleProductException extends ProblemException {

    public StaleProductException(String code, long expected, int current) {
        super(Problem.of(ProblemType.PRECONDITION_FAILED, "Product " + code + " is at version " + current
                + (expected > 0 ? ", not " + expected : "") + ". Read the product again and decide anew.")
                .with("currentVersion", current), Integer.toString(current));
    }
}
