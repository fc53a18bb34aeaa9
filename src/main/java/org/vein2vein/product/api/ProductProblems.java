package org.vein2vein.product.api;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemResponses;
import org.vein2vein.platform.problem.ProblemType;
import org.vein2vein.product.domain.InvalidProductDefinitionException;

/**
 * A product definition the domain finds invalid, as a problem: the domain knows no problems, so its
 * one refusal is translated here, at the edge. The application's refusals carry their own problem.
 */
public class ProductProblems {

    @ServerExceptionMapper
    public Response invalidDefinition(InvalidProductDefinitionException e, UriInfo uri) {
        List<Problem.Violation> violations = e.violations().stream()
                .map(v -> new Problem.Violation(v.field(), v.message())).toList();
        return respond(Problem.of(ProblemType.INVALID_REQUEST, capitalized(e.getMessage()) + ": "
                + (violations.size() == 1 ? "1 field is" : violations.size() + " fields are") + " not valid.")
                .withViolations(violations), uri);
    }

    private static Response respond(Problem problem, UriInfo uri) {
        return ProblemResponses.of(problem.at(uri.getPath()));
    }

    private static String capitalized(String message) {
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
