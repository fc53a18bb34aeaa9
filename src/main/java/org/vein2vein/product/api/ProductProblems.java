package org.vein2vein.product.api;

import java.util.List;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemResponses;
import org.vein2vein.platform.problem.ProblemType;
import org.vein2vein.product.application.ProductExistsException;
import org.vein2vein.product.application.ProductNotApplicableException;
import org.vein2vein.product.application.ProductNotFoundException;
import org.vein2vein.product.application.StaleProductException;
import org.vein2vein.product.domain.InvalidProductDefinitionException;

/** The problems of the product slice, as clients see them. */
public class ProductProblems {

    @ServerExceptionMapper
    public Response invalidDefinition(InvalidProductDefinitionException e, UriInfo uri) {
        List<Problem.Violation> violations = e.violations().stream()
                .map(v -> new Problem.Violation(v.field(), v.message())).toList();
        return respond(Problem.of(ProblemType.INVALID_REQUEST, capitalized(e.getMessage()) + ": "
                + (violations.size() == 1 ? "1 field is" : violations.size() + " fields are") + " not valid.")
                .withViolations(violations), uri);
    }

    @ServerExceptionMapper
    public Response notFound(ProductNotFoundException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.PRODUCT_NOT_FOUND, capitalized(e.getMessage()) + "."), uri);
    }

    @ServerExceptionMapper
    public Response exists(ProductExistsException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.PRODUCT_EXISTS, capitalized(e.getMessage()) + ".")
                .with("code", e.code()), uri);
    }

    @ServerExceptionMapper
    public Response stale(StaleProductException e, UriInfo uri) {
        return Response.fromResponse(respond(Problem.of(ProblemType.PRECONDITION_FAILED, capitalized(e.getMessage())
                + ". Read the product again and decide anew.").with("currentVersion", e.current()), uri))
                .tag(new EntityTag(Integer.toString(e.current()))).build();
    }

    /** A batch's product is a field of its registration, so its problem is a field error. */
    @ServerExceptionMapper
    public Response notApplicable(ProductNotApplicableException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.INVALID_REQUEST, "Field 'productCode': " + e.getMessage() + ".")
                .withViolations(List.of(new Problem.Violation("productCode", e.getMessage()))), uri);
    }

    private static Response respond(Problem problem, UriInfo uri) {
        return ProblemResponses.of(problem.at(uri.getPath()));
    }

    private static String capitalized(String message) {
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
