package org.vein2vein.product.application;

/** A product with the code exists already; a change of it is a new version (PUT). */
public class ProductExistsException extends RuntimeException {

    private final String code;

    public ProductExistsException(String code) {
        super("product " + code + " exists already; change it with PUT, which makes a new version", null, false,
                false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
