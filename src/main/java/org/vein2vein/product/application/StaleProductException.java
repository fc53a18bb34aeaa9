package org.vein2vein.product.application;

/** The client changed a product from a version that is no longer the current one. */
public class StaleProductException extends RuntimeException {

    private final int current;

    public StaleProductException(String code, long expected, int current) {
        super("product " + code + " is at version " + current + (expected > 0 ? ", not " + expected : ""), null,
                false, false);
        this.current = current;
    }

    public int current() {
        return current;
    }
}
