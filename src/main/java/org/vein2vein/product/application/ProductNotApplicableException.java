package org.vein2vein.product.application;

/** A batch names a product that does not exist, or one made for the other batch type. */
public class ProductNotApplicableException extends RuntimeException {

    public ProductNotApplicableException(String message) {
        super(message, null, false, false);
    }
}
