package org.vein2vein.platform.json;

import java.time.Instant;

/** The bounds of what a request body may hold, beyond the field rules of each request. */
public final class JsonBounds {

    /**
     * The most items an array may hold where its field states no bound of its own (@Size): the
     * largest bound any field states. It also bounds the arrays of a step's data while it is read
     * untyped, before its stage's record says how many items each array may hold.
     */
    public static final int MAX_ITEMS = 500;

    private static final String EARLIEST = "2000-01-01T00:00:00Z";
    private static final String LATEST = "2100-01-01T00:00:00Z";

    /** The earliest instant a request may carry: nothing this service records happened before. */
    public static final Instant EARLIEST_INSTANT = Instant.parse(EARLIEST);

    /** The latest instant a request may carry; anything later is a typo, not a plan. */
    public static final Instant LATEST_INSTANT = Instant.parse(LATEST);

    /** The plausible range of instants, as violations and the contract state it. */
    public static final String INSTANT_RANGE = "between " + EARLIEST + " and " + LATEST;

    private JsonBounds() {
    }

    static String tooManyItems(int maxItems) {
        return "must list at most " + maxItems + " items";
    }
}
