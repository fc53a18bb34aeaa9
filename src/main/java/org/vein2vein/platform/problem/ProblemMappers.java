package org.vein2vein.platform.problem;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.Set;
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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.logging.Log;
import io.vertx.core.http.HttpClosedException;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import org.vein2vein.kernel.InvalidCoiException;

import org.vein2vein.platform.json.RefusedValueException;

/**
 * Maps every failure a request can meet to a problem+json answer. Messages are written here, not
 * taken from exceptions, so that no class name, stack trace or echoed input leaks out.
 */
public class ProblemMappers {

    private static final String JSON_LIMITS = "JSON nesting depth, or the length of a number, string or name";

    private final AllowedMethods allowedMethods;

    public ProblemMappers(AllowedMethods allowedMethods) {
        this.allowedMethods = allowedMethods;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response problem = respond(e.problem(), uri);
        return e.entityTag().map(tag -> Response.fromResponse(problem).tag(new EntityTag(tag)).build())
                .orElse(problem);
    }

    /** A COI is parsed where it arrives, in a path; the shared kernel knows no problems. */
    @ServerExceptionMapper
    public Response invalidCoi(InvalidCoiException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.INVALID_COI, e.getMessage())
                .withViolations(List.of(new Problem.Violation("path.coi", e.getMessage()))), uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.MALFORMED_JSON, "The request body could not be parsed as JSON"
                + at(e.getLocation()) + "."), uri);
    }

    @ServerExceptionMapper
    public Response jsonBeyondLimits(StreamConstraintsException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.INVALID_REQUEST, "The request body exceeds the limits of what is read: "
                + JSON_LIMITS + "."), uri);
    }

    @ServerExceptionMapper
    public Response refusedValue(RefusedValueException e, UriInfo uri) {
        return invalidField(e, e.complaint(), uri);
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
            // Also an array, a string, an empty body or a second value after the object.
            return respond(Problem.of(ProblemType.INVALID_REQUEST, "The request body must be a single JSON object"
                    + at(e.getLocation()) + "."), uri);
        }
        return invalidField(e, "has the wrong type: expected " + simpleTypeName(e.getTargetType()), uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonMappingException e, UriInfo uri) {
        if (e.getProcessor() instanceof JsonGenerator) {
            return answerNotWritten(e, uri);
        }
        if (e.getCause() instanceof StreamConstraintsException) {
            return invalidField(e, "exceeds the limits of what is read: " + JSON_LIMITS, uri);
        }
        return invalidField(e, "has a value that cannot be read", uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e.getProcessor() instanceof JsonGenerator) {
            return answerNotWritten(e, uri);
        }
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
    public Response notFound(NotFoundException e, UriInfo uri, Request request) {
        // The runtime answers some paths that exist, but not for this method, with a 404.
        Set<String> allowed = allowedMethods.at(uri.getPath());
        if (!allowed.isEmpty() && !allowed.contains(request.getMethod())) {
            return methodNotAllowed(allowed, uri);
        }
        return respond(Problem.of(ProblemType.NOT_FOUND, "Nothing is served at this path."), uri);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        return methodNotAllowed(allowedMethods.at(uri.getPath()), uri);
    }

    private static Response methodNotAllowed(Set<String> allowed, UriInfo uri) {
        Response problem = respond(Problem.of(ProblemType.METHOD_NOT_ALLOWED,
                "Allowed methods: " + String.join(", ", allowed) + "."), uri);
        return Response.fromResponse(problem).allow(allowed).build();
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
    public Response otherHttpError(WebApplicationException e, UriInfo uri, Request request, HttpHeaders headers) {
        // The JSON reader wraps parse errors and breached limits in a bare 400: answer what they are.
        if (e.getCause() instanceof StreamConstraintsException beyondLimits) {
            return jsonBeyondLimits(beyondLimits, uri);
        }
        if (e.getCause() instanceof JsonParseException malformed) {
            return malformedJson(malformed, uri);
        }
        if (e.getCause() instanceof RefusedValueException refused) {
            return refusedValue(refused, uri);
        }
        if (e.getCause() instanceof JsonMappingException unreadable) {
            return unreadableJson(unreadable, uri);
        }
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableJson(unreadable, uri);
        }
        int status = e.getResponse().getStatus();
        if (status == 413) {
            return respond(Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body exceeds the size limit."), uri);
        }
        if (status >= 500) {
            return unexpected(e, uri, request, headers);
        }
        return respond(Problem.of(ProblemType.INVALID_REQUEST, "The request cannot be processed as sent."), uri);
    }

    /**
     * A client that closes its connection before its body has arrived, or before its answer is
     * written, is not an incident: one line at DEBUG. Other input/output failures still are.
     */
    @ServerExceptionMapper
    public Response inputOutput(IOException e, UriInfo uri, Request request, HttpHeaders headers) {
        if (!closedByPeer(e)) {
            return unexpected(e, uri, request, headers);
        }
        Log.debugf("The client closed the connection of %s before the exchange ended", uri.getPath());
        return respond(Problem.of(ProblemType.INVALID_REQUEST, "The connection closed before the request body "
                + "arrived."), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, Request request, HttpHeaders headers) {
        // A failure at a commit is the database's (see WriteTransactions): any other came before anything was
        // committed, and its transaction was rolled back.
        return DatabaseProblems.answer(e, uri, request, headers)
                .orElseGet(() -> incident(e, "The request failed unexpectedly; nothing was recorded.", uri));
    }

    /** Writing the answer is the service's failure, not the client's, and comes after any commit. */
    private static Response answerNotWritten(Exception e, UriInfo uri) {
        return incident(e, "The answer could not be written; the request may have been recorded.", uri);
    }

    private static Response incident(Throwable e, String what, UriInfo uri) {
        UUID incident = UUID.randomUUID();
        Log.errorf(e, "Unexpected failure, incident %s", incident);
        return respond(Problem.of(ProblemType.INTERNAL_ERROR, what + " Quote incident " + incident + ".")
                .with("incident", incident.toString()), uri);
    }

    private static boolean closedByPeer(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpClosedException || cause instanceof ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    private static Response invalidField(JsonMappingException e, String complaint, UriInfo uri) {
        String field = fieldPath(e.getPath());
        return respond(Problem.of(ProblemType.INVALID_REQUEST, "Field '" + field + "' " + complaint + ".")
                .withViolations(List.of(new Problem.Violation(field, complaint))), uri);
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
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

    /**
     * 'logStep.request.site' becomes 'site'; a path parameter 'logStep.coi' becomes 'path.coi'; a member of a
     * list's element names its index, as step data does: 'units[0].identityCheck.witness', 'unitIds[1]'.
     */
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
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
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
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()
                || com.fasterxml.jackson.databind.node.ObjectNode.class.isAssignableFrom(type)) {
            return "a JSON object";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        return "a " + type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }
}
