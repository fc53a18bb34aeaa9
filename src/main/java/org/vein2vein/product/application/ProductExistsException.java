package org.vein2vein.product.application;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemType;

/** A product with the code exists already; a change of it is a new version (PUT). */
public class ProductExistsException extends ProblemException {

    public ProductExistsException(String code) {
        super(Problem.of(ProblemType.PRODUCT_EXISTS, "Product " + code + " exists already; change it with PUT, which "
                + "makes a new version.").with("code", code));
    }
}
