package org.vein2vein.platform.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values read by native queries, whose Java types depend on the driver and Hibernate's settings. */
public final class NativeValues {

    private NativeValues() {
    }

    /** A {@code timestamptz} column as an instant. */
    public static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
