package org.vein2vein.platform.problem;

import jakarta.ws.rs.core.Response;

/** Turns problems into responses of media type {@code application/problem+json}. */
public final class ProblemResponses {

    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemResponses() {
    }

    public static Response of(Problem problem) {
        return Response.status(problem.getStatus()).type(MEDIA_TYPE).entity(problem).build();
    }
}
