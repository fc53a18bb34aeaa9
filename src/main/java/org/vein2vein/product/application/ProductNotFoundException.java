package org.vein2vein.product.application;

import java.util.OptionalInt;

/** No product has the code, or it has no such version. */
public class ProductNotFoundException extends RuntimeException {

    public ProductNotFoundException(String code, OptionalInt version) {
        super(version.isPresent() ? "product " + code + " has no version " + version.getAsInt()
                : "no product has code " + code, null, false, false);
    }
}
