package org.vein2vein.custody.api;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import org.vein2vein.custody.application.UnrepresentablePayloadException;
import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemResponses;
import org.vein2vein.platform.problem.ProblemType;

/** The problems of the custody slice, as clients see them. */
public class CustodyProblems {

    @ServerExceptionMapper
    public Response unrepresentablePayload(UnrepresentablePayloadException e, UriInfo uri) {
        return ProblemResponses.of(Problem.of(ProblemType.INVALID_REQUEST, "Field 'data' cannot be recorded: "
                + e.getMessage() + ".")
                .withViolations(List.of(new Problem.Violation("data", e.getMessage())))
                .at(uri.getPath()));
    }
}
