package org.vein2vein.site.api;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemResponses;
import org.vein2vein.platform.problem.ProblemType;
import org.vein2vein.site.application.SiteExistsException;
import org.vein2vein.site.application.SiteNotFoundException;
import org.vein2vein.site.application.StaleSiteException;

/** The problems of the site registry, as clients see them. */
public class SiteProblems {

    @ServerExceptionMapper
    public Response siteNotFound(SiteNotFoundException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.SITE_NOT_FOUND, capitalized(e.getMessage()) + "."), uri);
    }

    @ServerExceptionMapper
    public Response siteExists(SiteExistsException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.SITE_EXISTS, capitalized(e.getMessage())
                + ": change it with PUT /api/v1/sites/" + e.code() + ".").with("code", e.code()), uri);
    }

    @ServerExceptionMapper
    public Response stale(StaleSiteException e, UriInfo uri) {
        return Response.fromResponse(respond(Problem.of(ProblemType.PRECONDITION_FAILED, capitalized(e.getMessage())
                + ". Read the site again and decide anew.").with("currentVersion", e.current()), uri))
                .tag(new EntityTag(Long.toString(e.current()))).build();
    }

    private static Response respond(Problem problem, UriInfo uri) {
        return ProblemResponses.of(problem.at(uri.getPath()));
    }

    private static String capitalized(String message) {
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
