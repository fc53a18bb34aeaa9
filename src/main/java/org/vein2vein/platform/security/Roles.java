package org.vein2vein.platform.security;

/** The roles a token may grant, in its {@code groups} claim. */
public final class Roles {

    /** Logs steps, only at the sites listed in the token's {@code sites} claim. */
    public static final String TECHNICIAN = "technician";
    /** A partner organisation moving the product (shipments and custody). */
    public static final String LOGISTICS = "logistics";
    /** Reads everything; signs releases. */
    public static final String QA = "qa";
    /** Manages reference data: products, sites, shippers. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
