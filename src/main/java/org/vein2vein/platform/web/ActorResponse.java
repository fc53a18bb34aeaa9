package org.vein2vein.platform.web;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.kernel.Actor;

/** Who did something, as answers show it: a pseudonymous id, the role, the organisation. */
@Schema(name = "Actor")
public record ActorResponse(@Schema(example = "op-4711") String id, @Schema(example = "technician") String role,
        @Schema(example = "HOSP-LYON") String organisation) {

    public static ActorResponse of(Actor actor) {
        return new ActorResponse(actor.id(), actor.role(), actor.organisation());
    }
}
