package org.vein2vein.custody.domain;

import java.util.Objects;

/**
 * Who did something: a pseudonymous person id, the role they acted in, and the organisation they
 * acted for. Always taken from the caller's verified token, never from what a request says.
 */
public record Actor(String id, String role, String organisation) {

    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(organisation, "organisation");
    }
}
