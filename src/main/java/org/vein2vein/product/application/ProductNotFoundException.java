package org.vein2vein.product.application;

import java.util.OptionalInt;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemType;

/** No product has the code, or it has no such version. */
public class ProductNotFoundException extends ProblemException {

    public ProductNotFoundException(String code, OptionalInt version) {
        super(Problem.of(ProblemType.PRODUCT_NOT_FOUND, version.isPresent()
                ? "Product " + code + " has no version " + version.getAsInt() + "." : "No product has code " + code + "."));
    }
}
