package org.vein2vein.kernel;

import java.util.Objects;

/**
 * Who did something: a pseudonymous person id, the role they acted in, and the organisation they
 * acted for. Always taken from the caller's verified token, never from what a request says.
 */
public record Actor(String id, String role, String organisation) {

    /** The role of the service itself, for what it records on its own (holds, clock alerts). */
    public static final String SYSTEM_ROLE = "system";
    public static final String SYSTEM_ORGANISATION = "VEIN2VEIN";

    /** The service acting on its own; {@code component} says which part of it. */
    public static Actor system(String component) {
        return new Actor(component, SYSTEM_ROLE, SYSTEM_ORGANISATION);
    }

    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(organisation, "organisation");
    }
}
