package org.vein2vein.site.api;

import java.net.URI;
import java.util.List;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
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
import org.vein2vein.platform.problem.ProblemResponses;
import org.vein2vein.platform.security.CurrentCaller;
import org.vein2vein.platform.security.Roles;
import org.vein2vein.platform.web.IfMatch;
import org.vein2vein.platform.web.QueryParameters;
import org.vein2vein.platform.web.Locations;
import org.vein2vein.site.application.Page;
import org.vein2vein.site.application.SiteNotFoundException;
import org.vein2vein.site.application.SiteRegistry;
import org.vein2vein.site.application.SiteState;
import org.vein2vein.site.application.SiteValues;
import org.vein2vein.site.domain.SiteRevision;

@Path("/api/v1/sites")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sites", description = "Reference data: the collection, manufacturing, treatment and storage sites, "
        + "managed by administrators")
public class SiteResource {

    static final int DEFAULT_LIMIT = 100;
    /** Bounds the work and the size of one answer; longer lists are read page by page. */
    static final int MAX_LIMIT = 1000;
    private static final String FROM_CODE = "fromCode";
    private static final String FROM_VERSION = "fromVersion";
    private static final String LIMIT = "limit";
    private static final String LIMIT_DESCRIPTION = "The most items to return: 1 to " + MAX_LIMIT + " (default "
            + DEFAULT_LIMIT + ")";

    private final SiteRegistry registry;
    private final CurrentCaller caller;
    private final IdempotentExecution idempotent;
    private final WriteTransactions transactions;

    public SiteResource(SiteRegistry registry, CurrentCaller caller, IdempotentExecution idempotent,
            WriteTransactions transactions) {
        this.registry = registry;
        this.caller = caller;
        this.idempotent = idempotent;
        this.transactions = transactions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createSite", summary = "Add a site to the registry",
            description = "Creates a site, active, at version 1, and records that first version in the site's "
                    + "revisions with the administrator who created it. A code is never reused: a site that "
                    + "exists is changed with PUT.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CreateSiteRequest.class),
            examples = @ExampleObject(name = "collection-site", value = SiteExamples.CREATE_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created",
            headers = {
                    @Header(name = "Location", description = "The new site", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "The site's version, \"1\"",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = IdempotentExecution.REPLAYED_HEADER, description = IdempotencyApi.REPLAYED_DESCRIPTION,
                            schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SiteResponse.class),
                    examples = @ExampleObject(name = "created", value = SiteExamples.SITE)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, invalid fields or an invalid Idempotency-Key",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "invalid-request", value = SiteExamples.PROBLEM_INVALID_REQUEST) }))
    @APIResponse(responseCode = "409", description = "A site has this code already",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "site-exists", value = SiteExamples.PROBLEM_SITE_EXISTS)))
    public Response create(@Parameter(description = IdempotencyApi.KEY_DESCRIPTION,
            example = IdempotencyApi.KEY_EXAMPLE) @HeaderParam(IdempotentExecution.HEADER) String idempotencyKey,
            @Valid @NotNull CreateSiteRequest request, UriInfo uri) {
        return idempotent.run(idempotencyKey, request, () -> {
            SiteResponse body = SiteResponse.of(registry.create(request.code(), request.name(), request.kind(),
                    request.organisation(), caller.get()));
            URI location = uri.getBaseUriBuilder().path(SiteResource.class).path(body.code()).build();
            return Locations.created(location).tag(new EntityTag(body.etag())).entity(body).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.TECHNICIAN, Roles.LOGISTICS, Roles.QA, Roles.ADMIN })
    @Operation(operationId = "listSites", summary = "List the sites, in code order",
            description = "Up to limit sites from the code fromCode on, active or not. nextFromCode says where the "
                    + "next page starts; it is absent on the last page.")
    @APIResponse(responseCode = "200", description = "A page of sites",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SitePageResponse.class),
                    examples = @ExampleObject(name = "page", summary = "?limit=2", value = SiteExamples.PAGE)))
    @APIResponse(responseCode = "400", description = "fromCode is not a site code, or limit is out of range",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid-request", value = SiteExamples.PROBLEM_INVALID_LIMIT)))
    public SitePageResponse list(
            @Parameter(name = FROM_CODE, in = ParameterIn.QUERY, description = "The code of the first site to "
                    + "return, or of where it would be (default: the first)", example = "SITE-LYON-01",
                    schema = @Schema(type = SchemaType.STRING, pattern = SiteFields.CODE))
            @QueryParam(FROM_CODE) String fromCode,
            @Parameter(name = LIMIT, in = ParameterIn.QUERY, description = LIMIT_DESCRIPTION, example = "100",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                            maximum = "" + MAX_LIMIT, defaultValue = "" + DEFAULT_LIMIT))
            @QueryParam(LIMIT) String limit) {
        if (fromCode != null && !fromCode.matches(SiteFields.CODE)) {
            throw QueryParameters.invalid(FROM_CODE, SiteFields.CODE_MESSAGE);
        }
        Page<SiteState, String> page = registry.page(fromCode == null ? "" : fromCode, limit(limit));
        return new SitePageResponse(page.items().stream().map(SiteResponse::of).toList(), page.next().orElse(null));
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.TECHNICIAN, Roles.LOGISTICS, Roles.QA, Roles.ADMIN })
    @Operation(operationId = "getSite", summary = "Read a site")
    @APIResponse(responseCode = "200", description = "The site",
            headers = @Header(name = "ETag", description = "The site's version; send it as If-Match to change it",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SiteResponse.class),
                    examples = @ExampleObject(name = "site", value = SiteExamples.SITE)))
    @APIResponse(responseCode = "400", description = "The code is not a site code",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid-request", value = SiteExamples.PROBLEM_INVALID_PATH_CODE)))
    @APIResponse(responseCode = "404", description = "No site has this code",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "site-not-found", value = SiteExamples.PROBLEM_SITE_NOT_FOUND)))
    public Response get(@Parameter(description = "The site's code", example = SiteExamples.CODE)
            @PathParam("code") @Pattern(regexp = SiteFields.CODE, message = SiteFields.CODE_MESSAGE) String code) {
        SiteResponse body = registry.find(code).map(SiteResponse::of)
                .orElseThrow(() -> new SiteNotFoundException(code));
        return Response.ok(body).tag(new EntityTag(body.etag())).build();
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateSite", summary = "Change a site: only against the version you read",
            description = "Replaces the site's name, kind, organisation and whether it is active, as its next "
                    + "version, and records that version in the site's revisions with the administrator who wrote "
                    + "it. If-Match is required and must be the site's current ETag: without it the answer is 428, "
                    + "with an older one (or a weak tag) 412 with the current ETag, and nothing is written.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UpdateSiteRequest.class),
            examples = @ExampleObject(name = "now-a-treatment-site", value = SiteExamples.UPDATE_REQUEST)))
    @APIResponse(responseCode = "200", description = "Changed",
            headers = @Header(name = "ETag", description = "The site's new version",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SiteResponse.class),
                    examples = @ExampleObject(name = "changed", value = SiteExamples.UPDATED_SITE)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, invalid fields, an invalid code or a "
            + "malformed If-Match",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "invalid-request", value = SiteExamples.PROBLEM_INVALID_REQUEST),
                            @ExampleObject(name = "invalid-if-match", value = SiteExamples.PROBLEM_INVALID_IF_MATCH) }))
    @APIResponse(responseCode = "404", description = "No site has this code",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "site-not-found", value = SiteExamples.PROBLEM_SITE_NOT_FOUND)))
    @APIResponse(responseCode = "412", description = "If-Match named an older version of the site, or was weak; "
            + "the ETag header gives the current one",
            headers = @Header(name = "ETag", description = "The site's current version",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "precondition-failed",
                            value = SiteExamples.PROBLEM_PRECONDITION_FAILED)))
    @APIResponse(responseCode = "428", description = "If-Match is missing (or *): a change must name the version "
            + "it was made against",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "precondition-required",
                            value = SiteExamples.PROBLEM_PRECONDITION_REQUIRED)))
    public Response update(@Parameter(description = "The site's code", example = SiteExamples.CODE)
            @PathParam("code") @Pattern(regexp = SiteFields.CODE, message = SiteFields.CODE_MESSAGE) String code,
            @Parameter(description = "The site's ETag as last read, e.g. \"1\": the change is only made if the site "
                    + "is still at that version (otherwise 412); required (otherwise 428)", required = true,
                    example = "\"1\"") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull UpdateSiteRequest request) {
        long expectedVersion = IfMatch.requiredVersion(ifMatch, "a site");
        SiteValues values = new SiteValues(request.name(), request.kind(), request.organisation(), request.active());
        return transactions.run(() -> {
            SiteResponse body = SiteResponse.of(registry.update(code, expectedVersion, values, caller.get()));
            return Response.ok(body).tag(new EntityTag(body.etag())).build();
        });
    }

    @GET
    @Path("/{code}/revisions")
    @RolesAllowed({ Roles.QA, Roles.ADMIN })
    @Operation(operationId = "getSiteRevisions", summary = "Read every version a site has had, oldest first",
            description = "The audit trail of the site: each version as it was written, when and by whom. Versions "
                    + "are never changed or removed. Up to limit versions from fromVersion on; nextFromVersion says "
                    + "where the next page starts, and is absent on the last page.")
    @APIResponse(responseCode = "200", description = "A page of the site's revisions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SiteRevisionsResponse.class),
                    examples = @ExampleObject(name = "revisions", value = SiteExamples.REVISIONS)))
    @APIResponse(responseCode = "400", description = "The code is not a site code, or fromVersion or limit is "
            + "out of range",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "invalid-code", value = SiteExamples.PROBLEM_INVALID_PATH_CODE),
                            @ExampleObject(name = "invalid-limit", value = SiteExamples.PROBLEM_INVALID_LIMIT) }))
    @APIResponse(responseCode = "404", description = "No site has this code",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "site-not-found", value = SiteExamples.PROBLEM_SITE_NOT_FOUND)))
    public SiteRevisionsResponse revisions(@Parameter(description = "The site's code", example = SiteExamples.CODE)
            @PathParam("code") @Pattern(regexp = SiteFields.CODE, message = SiteFields.CODE_MESSAGE) String code,
            @Parameter(name = FROM_VERSION, in = ParameterIn.QUERY, description = "The version of the first "
                    + "revision to return; 1 or more (default 1)", example = "1",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1", defaultValue = "1"))
            @QueryParam(FROM_VERSION) String fromVersion,
            @Parameter(name = LIMIT, in = ParameterIn.QUERY, description = LIMIT_DESCRIPTION, example = "100",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                            maximum = "" + MAX_LIMIT, defaultValue = "" + DEFAULT_LIMIT))
            @QueryParam(LIMIT) String limit) {
        long from = QueryParameters.wholeNumber(FROM_VERSION, fromVersion, 1, Long.MAX_VALUE,
                "must be a whole number, 1 or more");
        Page<SiteRevision, Long> page = registry.revisions(code, from, limit(limit));
        return new SiteRevisionsResponse(code, page.items().stream().map(SiteRevisionResponse::of).toList(),
                page.next().orElse(null));
    }

    private static int limit(String value) {
        return (int) QueryParameters.wholeNumber(LIMIT, value, DEFAULT_LIMIT, MAX_LIMIT,
                "must be a whole number from 1 to " + MAX_LIMIT);
    }
}
