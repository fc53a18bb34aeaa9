package org.vein2vein.product.domain;

/** The parts of the journey that each keep the product at one temperature class. */
public enum Phase {
    /** From collection to receipt at manufacturing: the starting material. */
    STARTING_MATERIAL,
    /** From cryopreservation of the final product until it leaves storage. */
    FINAL_PRODUCT_STORAGE,
    /** From shipment to the treatment site until thaw. */
    FINAL_PRODUCT_TRANSPORT
}
