package org.vein2vein.platform.web;

import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.Router;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemResponses;
import org.vein2vein.platform.problem.ProblemType;

/**
 * Answers requests that no route matches with a 404 problem instead of the HTTP server's plain
 * text page, so that every error a client can meet has the same shape.
 */
public class UnmatchedPathProblem {

    void install(@Observes Router router, ObjectMapper mapper) {
        router.route().order(Integer.MAX_VALUE).handler(context -> ProblemResponses.end(context,
                Problem.of(ProblemType.NOT_FOUND, "Nothing is served at this path."), mapper));
    }
}
