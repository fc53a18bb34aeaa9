package org.vein2vein.platform.security;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemResponses;
import org.vein2vein.platform.problem.ProblemType;

/** 401 and 403 as problems, with the {@code WWW-Authenticate} challenge RFC 6750 asks for. */
public class SecurityProblems {

    private static final String REALM = "Bearer realm=\"vein2vein\"";

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return challenge(Problem.of(ProblemType.UNAUTHENTICATED,
                "Send a bearer token: Authorization: Bearer <token>."), REALM, uri);
    }

    @ServerExceptionMapper
    public Response invalidToken(AuthenticationFailedException e, UriInfo uri) {
        return challenge(Problem.of(ProblemType.UNAUTHENTICATED,
                "The bearer token is not valid: malformed, expired, not yet valid, or not signed by a trusted "
                        + "issuer."), REALM + ", error=\"invalid_token\"", uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemResponses.of(Problem.of(ProblemType.FORBIDDEN,
                "Your role does not allow this operation.").at(uri.getPath()));
    }

    private static Response challenge(Problem problem, String challenge, UriInfo uri) {
        return Response.fromResponse(ProblemResponses.of(problem.at(uri.getPath())))
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }
}
