package org.vein2vein.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.vein2vein.kernel.Actor;

/**
 * Who did something, as the tables that record it keep it: the person's id, the role they acted in,
 * the organisation they acted for ({@code actor_id}, {@code actor_role}, {@code actor_organisation};
 * a table may name them otherwise with attribute overrides).
 */
@Embeddable
public class ActorColumns {

    @Column(name = "actor_id", nullable = false, length = 128)
    String id;

    @Column(name = "actor_role", nullable = false, length = 32)
    String role;

    @Column(name = "actor_organisation", nullable = false, length = 128)
    String organisation;

    protected ActorColumns() {
    }

    public static ActorColumns of(Actor actor) {
        ActorColumns columns = new ActorColumns();
        columns.id = actor.id();
        columns.role = actor.role();
        columns.organisation = actor.organisation();
        return columns;
    }

    public Actor toActor() {
        return new Actor(id, role, organisation);
    }
}
