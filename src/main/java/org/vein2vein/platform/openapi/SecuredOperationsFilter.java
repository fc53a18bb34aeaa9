package org.vein2vein.platform.openapi;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Declares the bearer-token scheme and gives every API operation the answers that security adds
 * to it (401 and 403 as problems), so that no resource has to repeat them.
 */
public class SecuredOperationsFilter implements OASFilter {

    static final String SCHEME = "bearer";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    @Override
    public Operation filterOperation(Operation operation) {
        operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME)));
        APIResponses responses = operation.getResponses();
        // Replaces the bare 401 and 403 that Quarkus adds for secured endpoints, keeps those a resource wrote.
        if (!documented(responses, "401")) {
            responses.addAPIResponse("401", problem("No valid bearer token: missing, malformed, expired or from an "
                    + "untrusted issuer. The WWW-Authenticate header says which.", "unauthenticated",
                    ApiExamples.PROBLEM_UNAUTHENTICATED));
        }
        if (!documented(responses, "403")) {
            responses.addAPIResponse("403", problem("The token's role does not allow this operation", "forbidden",
                    ApiExamples.PROBLEM_FORBIDDEN));
        }
        if (!documented(responses, "429")) {
            APIResponse tooMany = problem("Too many requests from this client; the Retry-After header says when to "
                    + "try again", "too-many-requests", ApiExamples.PROBLEM_TOO_MANY_REQUESTS);
            tooMany.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
            responses.addAPIResponse("429", tooMany);
        }
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        components.addSecurityScheme(SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("JWT")
                .description("A JSON Web Token from the configured issuer. Claims: sub (pseudonymous person id), "
                        + "groups (roles: technician, logistics, qa, admin), org (organisation), sites (a technician's "
                        + "sites). In embedded mode, GET /dev/tokens/{name} hands out tokens for trying the API."));
    }

    private static boolean documented(APIResponses responses, String status) {
        return responses.hasAPIResponse(status) && responses.getAPIResponse(status).getContent() != null;
    }

    private static APIResponse problem(String description, String exampleName, String example) {
        return OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType("application/problem+json",
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))
                                .addExample(exampleName, OASFactory.createExample().value(example))));
    }
}
