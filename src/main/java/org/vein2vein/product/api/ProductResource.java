package org.vein2vein.product.api;

import java.net.URI;
import java.util.List;
import java.util.OptionalInt;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.vein2vein.platform.idempotency.IdempotencyApi;
import org.vein2vein.platform.idempotency.IdempotentExecution;
import org.vein2vein.platform.openapi.ApiExamples;
import org.vein2vein.platform.persistence.WriteTransactions;
import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemResponses;
import org.vein2vein.platform.problem.ProblemType;
import org.vein2vein.platform.security.CurrentCaller;
import org.vein2vein.platform.security.Roles;
import org.vein2vein.platform.web.IfMatch;
import org.vein2vein.platform.web.Locations;
import org.vein2vein.product.application.ProductCatalogue;
import org.vein2vein.product.application.ProductNotFoundException;
import org.vein2vein.product.domain.ProductVersion;

@Path("/api/v1/products")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Products", description = "The product catalogue: stage plans, conditions, time windows and release "
        + "specifications that batches follow")
public class ProductResource {

    private static final String VERSION_PATTERN = "[1-9][0-9]{0,8}";

    private final ProductCatalogue products;
    private final CurrentCaller caller;
    private final IdempotentExecution idempotent;
    private final WriteTransactions transactions;

    public ProductResource(ProductCatalogue products, CurrentCaller caller, IdempotentExecution idempotent,
            WriteTransactions transactions) {
        this.products = products;
        this.caller = caller;
        this.idempotent = idempotent;
        this.transactions = transactions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createProduct", summary = "Create a product as its version 1",
            description = "Admins define a product whole: its stage plan, the temperature class of each phase, its "
                    + "time windows, its release specification and whether identity checkpoints need two people. "
                    + "The definition is checked as a whole: the plan must lead from ORDERED to INFUSED, windows must "
                    + "name stages of the plan in their order, and ranges must be consistent.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProductRequest.class),
            examples = @ExampleObject(name = "autologous", ref = ProductExamples.REQUEST)))
    @APIResponse(responseCode = "201", description = "Created",
            headers = {
                    @Header(name = "Location", description = "The new product", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "The product's version", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = IdempotentExecution.REPLAYED_HEADER, description = IdempotencyApi.REPLAYED_DESCRIPTION,
                            schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProductResponse.class),
                    examples = @ExampleObject(name = "product", ref = ProductExamples.PRODUCT)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, invalid fields, a definition that does not hold "
            + "together, or an invalid Idempotency-Key",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "invalid-definition", value = ProductExamples.PROBLEM_INVALID_DEFINITION) }))
    @APIResponse(responseCode = "409", description = "A product has this code already",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "product-exists", value = ProductExamples.PROBLEM_PRODUCT_EXISTS)))
    public Response create(@Parameter(description = IdempotencyApi.KEY_DESCRIPTION,
            example = IdempotencyApi.KEY_EXAMPLE) @HeaderParam(IdempotentExecution.HEADER) String idempotencyKey,
            @Valid @NotNull ProductRequest request, UriInfo uri) {
        return idempotent.run(idempotencyKey, request, () -> {
            ProductResponse body = ProductResponse.of(products.create(request.toDefinition(), caller.get()));
            URI location = uri.getBaseUriBuilder().path(ProductResource.class).path(body.code()).build();
            return Locations.created(location).tag(new EntityTag(body.etag())).entity(body).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.TECHNICIAN, Roles.LOGISTICS, Roles.QA, Roles.ADMIN })
    @Operation(operationId = "listProducts", summary = "List every product at its current version")
    @APIResponse(responseCode = "200", description = "The products, by code",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProductListResponse.class),
                    examples = @ExampleObject(name = "products", ref = ProductExamples.PRODUCTS)))
    public ProductListResponse list() {
        return new ProductListResponse(products.all().stream().map(ProductResponse::of).toList());
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.TECHNICIAN, Roles.LOGISTICS, Roles.QA, Roles.ADMIN })
    @Operation(operationId = "getProduct", summary = "Read a product at its current version",
            description = "New batches are pinned to this version. Its ETag is what a change (PUT) sends as If-Match.")
    @APIResponse(responseCode = "200", description = "The product's current version",
            headers = @Header(name = "ETag", description = "The product's version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProductResponse.class),
                    examples = @ExampleObject(name = "product", ref = ProductExamples.PRODUCT)))
    @APIResponse(responseCode = "400", description = "The code is not a product code",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid-request", value = ApiExamples.PROBLEM_INVALID_REQUEST)))
    @APIResponse(responseCode = "404", description = "No product has this code",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "product-not-found", value = ProductExamples.PROBLEM_PRODUCT_NOT_FOUND)))
    public Response get(@Parameter(description = "The product code", example = ProductExamples.CODE)
            @PathParam("code") @Pattern(regexp = ProductRequest.CODE, message = ProductRequest.CODE_MESSAGE) String code) {
        return answer(products.current(code)
                .orElseThrow(() -> new ProductNotFoundException(code, OptionalInt.empty())));
    }

    @GET
    @Path("/{code}/versions/{version}")
    @RolesAllowed({ Roles.TECHNICIAN, Roles.LOGISTICS, Roles.QA, Roles.ADMIN })
    @Operation(operationId = "getProductVersion", summary = "Read one version of a product",
            description = "The rules a batch pinned to this version follows; a version never changes once saved.")
    @APIResponse(responseCode = "200", description = "The version",
            headers = @Header(name = "ETag", description = "The version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProductResponse.class),
                    examples = @ExampleObject(name = "product", ref = ProductExamples.PRODUCT)))
    @APIResponse(responseCode = "400", description = "The code is not a product code, or the version not a whole "
            + "number from 1",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid-request", value = ApiExamples.PROBLEM_INVALID_REQUEST)))
    @APIResponse(responseCode = "404", description = "No product has this code, or it has no such version",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "product-not-found", value = ProductExamples.PROBLEM_VERSION_NOT_FOUND)))
    public Response getVersion(@Parameter(description = "The product code", example = ProductExamples.CODE)
            @PathParam("code") @Pattern(regexp = ProductRequest.CODE, message = ProductRequest.CODE_MESSAGE) String code,
            @Parameter(description = "The version, from 1", example = "1")
            @PathParam("version") @Pattern(regexp = VERSION_PATTERN, message = "must be a whole number from 1")
            String version) {
        int number = Integer.parseInt(version);
        return answer(products.version(code, number)
                .orElseThrow(() -> new ProductNotFoundException(code, OptionalInt.of(number))));
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateProduct", summary = "Change a product: save its next version",
            description = "The whole definition, as for creation, becomes the product's next version and the version "
                    + "new batches are pinned to. Batches already registered keep the version they started with. "
                    + "Requires If-Match with the ETag of the version the change was made from; a product keeps its "
                    + "code and type.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProductRequest.class),
            examples = @ExampleObject(name = "autologous", ref = ProductExamples.REQUEST)))
    @APIResponse(responseCode = "200", description = "Saved as the next version",
            headers = @Header(name = "ETag", description = "The new version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProductResponse.class),
                    examples = @ExampleObject(name = "product", ref = ProductExamples.PRODUCT)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, invalid fields, a definition that does not hold "
            + "together, a code other than the path's, a change of type, or a malformed If-Match",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "invalid-definition", value = ProductExamples.PROBLEM_INVALID_DEFINITION) }))
    @APIResponse(responseCode = "404", description = "No product has this code",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "product-not-found", value = ProductExamples.PROBLEM_PRODUCT_NOT_FOUND)))
    @APIResponse(responseCode = "412", description = "The product has moved past the version in If-Match (or the tag "
            + "is weak); the ETag header and currentVersion give the current one. Nothing was saved.",
            headers = @Header(name = "ETag", description = "The current version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "precondition-failed", value = ProductExamples.PROBLEM_PRECONDITION_FAILED)))
    @APIResponse(responseCode = "428", description = "No If-Match (or *): a product is changed only from a version read",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "precondition-required", value = ProductExamples.PROBLEM_PRECONDITION_REQUIRED)))
    public Response update(@Parameter(description = "The product code", example = ProductExamples.CODE)
            @PathParam("code") @Pattern(regexp = ProductRequest.CODE, message = ProductRequest.CODE_MESSAGE) String code,
            @Parameter(description = "The ETag of the version the change was made from", example = "\"1\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ProductRequest request) {
        long expected = IfMatch.requiredVersion(ifMatch, "a product");
        if (!request.code().equals(code)) {
            throw new ProblemException(Problem.of(ProblemType.INVALID_REQUEST, "Field 'code' must be the code of the "
                    + "path, " + code + ": a product keeps its code.")
                    .withViolations(List.of(new Problem.Violation("code", "must be " + code))));
        }
        return transactions.run(() -> answer(products.update(request.toDefinition(), expected, caller.get())));
    }

    private static Response answer(ProductVersion version) {
        ProductResponse body = ProductResponse.of(version);
        return Response.ok(body).tag(new EntityTag(body.etag())).build();
    }
}
