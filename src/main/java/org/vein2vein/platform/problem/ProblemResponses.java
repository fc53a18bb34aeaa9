package org.vein2vein.platform.problem;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Turns problems into responses of media type {@code application/problem+json}. */
public final class ProblemResponses {

    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemResponses() {
    }

    public static Response of(Problem problem) {
        return Response.status(problem.getStatus()).type(MEDIA_TYPE).entity(problem).build();
    }

    /** Ends a request that the HTTP layer answers itself, before any resource sees it. */
    public static void end(RoutingContext context, Problem problem, ObjectMapper mapper) {
        try {
            context.response()
                    .setStatusCode(problem.getStatus())
                    .putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE)
                    .end(mapper.writeValueAsString(problem.at(context.request().path())));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
