package org.vein2vein.platform.problem;

import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.logging.Log;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every failure a request can meet to a problem+json answer. Messages are written here, not
 * taken from exceptions, so that no class name, stack trace or echoed input leaks out.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return respond(Problem.of(ProblemType.MALFORMED_JSON, "The request body could not be parsed as JSON" + where
                + "."), uri);
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return invalidField(e, "is not a known property", uri);
    }

    @ServerExceptionMapper
    public Response invalidValue(InvalidFormatException e, UriInfo uri) {
        String expected = e.getTargetType() != null && e.getTargetType().isEnum()
                ? "must be one of " + List.of(e.getTargetType().getEnumConstants())
                : "has a value that cannot be read as " + simpleTypeName(e.getTargetType());
        return invalidField(e, expected, uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        if (e.getPath().isEmpty()) {
            return respond(Problem.of(ProblemType.INVALID_REQUEST, "The request body must be a JSON object."), uri);
        }
        return invalidField(e, "has the wrong type: expected " + simpleTypeName(e.getTargetType()), uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonMappingException e, UriInfo uri) {
        return invalidField(e, "has a value that cannot be read", uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.MALFORMED_JSON, "The request body could not be read as JSON."), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.Violation::field))
                .toList();
        return respond(Problem.of(ProblemType.INVALID_REQUEST, violations.size() == 1
                ? "One field is not valid."
                : violations.size() + " fields are not valid.").withViolations(violations), uri);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.NOT_FOUND, "Nothing is served at this path."), uri);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        Response problem = respond(Problem.of(ProblemType.METHOD_NOT_ALLOWED,
                "Allowed methods: " + e.getResponse().getAllowedMethods() + "."), uri);
        return Response.fromResponse(problem).allow(e.getResponse().getAllowedMethods()).build();
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "Send the request body as application/json."), uri);
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.NOT_ACCEPTABLE,
                "This resource is served as application/json; problems as application/problem+json."), uri);
    }

    @ServerExceptionMapper
    public Response otherHttpError(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status == 413) {
            return respond(Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body exceeds the size limit."), uri);
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        return respond(Problem.of(ProblemType.INVALID_REQUEST, "The request cannot be processed as sent."), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        UUID incident = UUID.randomUUID();
        Log.errorf(e, "Unexpected failure, incident %s", incident);
        return respond(Problem.of(ProblemType.INTERNAL_ERROR,
                "The request failed unexpectedly; nothing was recorded. Quote incident " + incident + ".")
                .with("incident", incident.toString()), uri);
    }

    private static Response invalidField(JsonMappingException e, String complaint, UriInfo uri) {
        String field = fieldPath(e.getPath());
        return respond(Problem.of(ProblemType.INVALID_REQUEST, "Field '" + field + "' " + complaint + ".")
                .withViolations(List.of(new Problem.Violation(field, complaint))), uri);
    }

    private static Response respond(Problem problem, UriInfo uri) {
        return ProblemResponses.of(problem.at(uri.getPath()));
    }

    private static String fieldPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "(body)" : field.toString();
    }

    /** 'logStep.request.site' becomes 'site'; a path parameter 'logStep.coi' becomes 'path.coi'. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        boolean bodyParameter = false;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                bodyParameter = "request".equals(node.getName());
                if (!bodyParameter) {
                    field.append(node.getName());
                }
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
        }
        if (field.isEmpty()) {
            return "(body)";
        }
        return bodyParameter ? field.toString() : "path." + field;
    }

    private static String simpleTypeName(Class<?> type) {
        if (type == null) {
            return "the expected type";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date-time with offset, e.g. 2026-11-25T09:30:00Z";
        }
        if (java.util.Map.class.isAssignableFrom(type)
                || com.fasterxml.jackson.databind.node.ObjectNode.class.isAssignableFrom(type)) {
            return "a JSON object";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        return "a " + type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }
}
