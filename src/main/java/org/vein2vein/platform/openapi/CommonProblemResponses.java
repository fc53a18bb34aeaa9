package org.vein2vein.platform.openapi;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import io.quarkus.smallrye.openapi.OpenApiFilter;

import org.vein2vein.platform.idempotency.IdempotencyApi;
import org.vein2vein.platform.idempotency.IdempotentExecution;

/**
 * The problem answers that every operation shares, written into the contract in one place rather
 * than repeated on each resource: security (401, 403), rate limits (429) and the database being
 * away (503) on all; malformed JSON, oversized and non-JSON bodies on those that take a body; and
 * the answers of Idempotency-Key on those that take one. A resource documents only what is its own;
 * a shared example joins a response the resource wrote for the same status. It runs when the
 * service is built, so that the service serves the finished contract and does not rebuild it at start.
 * It runs before {@code ProductExamplesFilter}: build filters are ordered by priority, otherwise by
 * the class index, and the served document is compared with the contract as text.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = CommonProblemResponses.PRIORITY)
public class CommonProblemResponses implements OASFilter {

    /** Higher runs first. */
    public static final int PRIORITY = 20;
    static final String SCHEME = "bearer";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Operation filterOperation(Operation operation) {
        operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME)));
        APIResponses responses = operation.getResponses();
        add(responses, "401", "No valid bearer token: missing, malformed, expired or from an untrusted issuer. The "
                + "WWW-Authenticate header says which.", "unauthenticated", ApiExamples.PROBLEM_UNAUTHENTICATED);
        add(responses, "403", "The token's role does not allow this operation", "forbidden",
                ApiExamples.PROBLEM_FORBIDDEN);
        add(responses, "429", "Too many requests from this client; the Retry-After header says when to try again",
                "too-many-requests", ApiExamples.PROBLEM_TOO_MANY_REQUESTS);
        retryAfter(responses.getAPIResponse("429"));
        if (operation.getRequestBody() != null) {
            add(responses, "400", "The body is not well-formed JSON", "malformed-json",
                    ApiExamples.PROBLEM_MALFORMED_JSON);
            add(responses, "413", "The body exceeds 512 KB", "payload-too-large",
                    ApiExamples.PROBLEM_PAYLOAD_TOO_LARGE);
            add(responses, "415", "The body is not sent as application/json", "unsupported-media-type",
                    ApiExamples.PROBLEM_UNSUPPORTED_MEDIA_TYPE);
        }
        if (takesIdempotencyKey(operation)) {
            add(responses, "400", "An invalid Idempotency-Key", "invalid-idempotency-key",
                    IdempotencyApi.PROBLEM_INVALID_KEY);
            add(responses, "409", "A request with the same Idempotency-Key is still being processed",
                    "request-in-flight", IdempotencyApi.PROBLEM_REQUEST_IN_FLIGHT);
            add(responses, "422", "The Idempotency-Key was already used for a different request",
                    "idempotency-key-reused", IdempotencyApi.PROBLEM_KEY_REUSED);
        }
        if (operation.getRequestBody() != null) {
            add(responses, "500", "The connection to the database failed while the write was committed: whether it "
                    + "was recorded is unknown; send it again with the same Idempotency-Key, or read what it changes, "
                    + "to find out", "outcome-unknown", ApiExamples.PROBLEM_OUTCOME_UNKNOWN);
        }
        add(responses, "500", "A failure of the service itself; the incident id is in the log", "internal-error",
                ApiExamples.PROBLEM_INTERNAL_ERROR);
        add(responses, "503", "The database cannot be reached; the Retry-After header says when to try again",
                "service-unavailable", ApiExamples.PROBLEM_SERVICE_UNAVAILABLE);
        retryAfter(responses.getAPIResponse("503"));
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

    private static boolean takesIdempotencyKey(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> parameter.getIn() == Parameter.In.HEADER
                        && IdempotentExecution.HEADER.equals(parameter.getName()));
    }

    /**
     * Adds the example to the operation's answer for {@code status}: to the one the resource wrote, or
     * as a new answer. Quarkus' own bare answers for secured endpoints (no content) are replaced.
     */
    private static void add(APIResponses responses, String status, String description, String exampleName,
            String example) {
        APIResponse response = responses.getAPIResponse(status);
        if (response == null || response.getContent() == null) {
            response = OASFactory.createAPIResponse().description(description)
                    .content(OASFactory.createContent());
            responses.addAPIResponse(status, response);
        }
        Content content = response.getContent();
        MediaType problem = content.getMediaType(PROBLEM_JSON);
        if (problem == null) {
            problem = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA));
            content.addMediaType(PROBLEM_JSON, problem);
        }
        if (problem.getExamples() == null || !problem.getExamples().containsKey(exampleName)) {
            problem.addExample(exampleName, OASFactory.createExample().value(parsed(example)));
        }
    }

    /** As the resources' annotated examples appear: JSON, not a string holding it. */
    private static Object parsed(String example) {
        try {
            return JSON.readValue(example, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the shared problem examples are JSON", e);
        }
    }

    private static void retryAfter(APIResponse response) {
        response.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
    }
}
