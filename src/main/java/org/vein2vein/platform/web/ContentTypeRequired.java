package org.vein2vein.platform.web;

import java.lang.reflect.Method;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemResponses;
import org.vein2vein.platform.problem.ProblemType;

/**
 * Refuses with {@code 415} a request to an operation that reads a body, when the request does not
 * say what its body is. The runtime reads a body without {@code Content-Type} as the media type the
 * operation consumes, so such a write would otherwise be taken as JSON, also an empty one.
 */
public class ContentTypeRequired {

    @ServerRequestFilter
    public Response requireContentType(ContainerRequestContext request, ResourceInfo resource) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !contentType.isBlank() || !readsABody(resource)) {
            return null;
        }
        return ProblemResponses.of(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "The request has no Content-Type: send the body as application/json.")
                .at(request.getUriInfo().getPath()));
    }

    private static boolean readsABody(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        return method != null && (method.isAnnotationPresent(Consumes.class)
                || resource.getResourceClass() != null && resource.getResourceClass().isAnnotationPresent(Consumes.class));
    }
}
