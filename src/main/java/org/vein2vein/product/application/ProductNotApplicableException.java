package org.vein2vein.product.application;

import java.util.List;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemType;

/** A batch names a product that does not exist, or one made for the other batch type: a field of its registration. */
public class ProductNotApplicableException extends ProblemException {

    public ProductNotApplicableException(String message) {
        super(Problem.of(ProblemType.INVALID_REQUEST, "Field 'productCode': " + message + ".")
                .withViolations(List.of(new Problem.Violation("productCode", message))));
    }
}
