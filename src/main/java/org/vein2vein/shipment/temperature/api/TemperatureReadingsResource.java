package org.vein2vein.shipment.temperature.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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
import org.vein2vein.platform.json.JsonBounds;
import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemResponses;
import org.vein2vein.platform.problem.ProblemType;
import org.vein2vein.platform.security.CurrentCaller;
import org.vein2vein.platform.security.Roles;
import org.vein2vein.platform.web.QueryParameters;
import org.vein2vein.shipment.temperature.application.SeriesPage;
import org.vein2vein.shipment.temperature.application.TemperatureReadings;
import org.vein2vein.shipment.temperature.domain.Reading;
import org.vein2vein.shipment.temperature.domain.ReadingRules;
import org.vein2vein.shipment.temperature.domain.SamplingInterval;
import org.vein2vein.shipment.temperature.domain.SeriesPosition;

@Path("/api/v1/shipments/{id}/temperature-readings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Temperature readings", description = "Sensor data of the loggers travelling with a shipment: uploads, "
        + "readings raw or per interval, and their summary with the excursions found")
public class TemperatureReadingsResource {

    /** Bounds the work and the size of one answer; longer series are read page by page. */
    static final int MAX_LIMIT = 1000;
    private static final String FROM = "from";
    private static final String TO = "to";
    private static final String EVERY = "every";
    private static final String CURSOR = "cursor";
    private static final String LIMIT = "limit";
    private static final String LIMIT_RULE = "must be a whole number from 1 to " + MAX_LIMIT;

    private final TemperatureReadings temperatures;
    private final CurrentCaller caller;
    private final IdempotentExecution idempotent;

    public TemperatureReadingsResource(TemperatureReadings temperatures, CurrentCaller caller,
            IdempotentExecution idempotent) {
        this.temperatures = temperatures;
        this.caller = caller;
        this.idempotent = idempotent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.LOGISTICS, Roles.TECHNICIAN })
    @Operation(operationId = "uploadTemperatureReadings", summary = "Upload a logger's temperature readings",
            description = "Stores up to 10,000 readings of one logger, each later than the one before, for the "
                    + "shipment: the courier's logistics users and technicians of the origin or the destination may "
                    + "upload. Readings are idempotent by logger and time: sent again, a reading is counted as a "
                    + "duplicate and nothing changes; one sent with another value than the one stored is counted as "
                    + "conflicting, and the first value stays. Only readings dated from packing to receipt (or, "
                    + "until received, to now plus the allowed clock skew) are the shipment's; the others are "
                    + "counted as outsideTransit and not stored, also while the shipment is only planned. The "
                    + "readings stored are searched for excursions in the same transaction. Idempotency-Key is "
                    + "optional: with it, a retry is answered with the first answer's counts.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UploadReadingsRequest.class),
            examples = @ExampleObject(name = "three-readings", value = TemperatureExamples.UPLOAD_REQUEST)))
    @APIResponse(responseCode = "200", description = "What became of each reading",
            headers = @Header(name = IdempotentExecution.REPLAYED_HEADER,
                    description = IdempotencyApi.REPLAYED_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UploadReadingsResponse.class),
                    examples = {
                            @ExampleObject(name = "stored", value = TemperatureExamples.UPLOADED),
                            @ExampleObject(name = "sent-again", summary = "The same readings sent again",
                                    value = TemperatureExamples.UPLOADED_AGAIN) }))
    @APIResponse(responseCode = "400", description = "Invalid fields: a readings array empty or longer than 10,000, "
            + "a reading of the wrong shape, not later than the one before, or out of range or precision; nothing "
            + "is stored",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid-request",
                            value = TemperatureExamples.PROBLEM_INVALID_READINGS)))
    @APIResponse(responseCode = "404", description = "No shipment has this id, or the caller is none of its parties",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not-found", value = TemperatureExamples.PROBLEM_SHIPMENT_NOT_FOUND)))
    public Response upload(
            @Parameter(description = ShipmentIds.DESCRIPTION, example = TemperatureExamples.SHIPMENT_ID)
            @PathParam("id") @Pattern(regexp = ShipmentIds.PATTERN, message = ShipmentIds.MESSAGE) String id,
            @Parameter(description = IdempotencyApi.KEY_DESCRIPTION, example = IdempotencyApi.KEY_EXAMPLE)
            @HeaderParam(IdempotentExecution.HEADER) String idempotencyKey,
            @Valid @NotNull UploadReadingsRequest request) {
        List<Reading> readings = valid(request.readings());
        return idempotent.run(idempotencyKey, request, () -> Response.ok(UploadReadingsResponse.of(id,
                request.loggerId(), temperatures.ingest(id, request.loggerId(), readings, caller.get()))).build());
    }

    @GET
    @RolesAllowed({ Roles.LOGISTICS, Roles.TECHNICIAN, Roles.QA })
    @Operation(operationId = "getTemperatureReadings", summary = "Read a shipment's readings, raw or per interval",
            description = "Without every: up to limit readings dated from from (included) to to (excluded), in time "
                    + "order and, at one time, in logger order. With every (PT1M to P1D): per logger and interval, "
                    + "the count, lowest, highest and mean, computed by the database; intervals start at whole "
                    + "multiples of every since 1970-01-01T00:00:00Z, and the first and last may hold only part of "
                    + "their span when from or to cuts them. nextCursor, sent back as cursor with the same query, "
                    + "reads the next page; it is absent on the last. QA, the courier's logistics users and "
                    + "technicians of the origin or the destination may read.")
    @APIResponse(responseCode = "200", description = "A page of readings, or of intervals",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReadingsPageResponse.class),
                    examples = {
                            @ExampleObject(name = "raw", summary = "?limit=2", value = TemperatureExamples.READINGS),
                            @ExampleObject(name = "per-interval", summary = "?every=PT5M&limit=2",
                                    value = TemperatureExamples.BUCKETS) }))
    @APIResponse(responseCode = "400", description = "The id is not a shipment id, or a query parameter is invalid: "
            + "from or to not an instant, from not before to, every not a duration from PT1M to P1D, a cursor no "
            + "answer gave, or limit out of range",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "invalid-every", value = TemperatureExamples.PROBLEM_INVALID_EVERY),
                            @ExampleObject(name = "from-after-to", value = TemperatureExamples.PROBLEM_FROM_AFTER_TO) }))
    @APIResponse(responseCode = "404", description = "No shipment has this id, or the caller may not read it",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not-found", value = TemperatureExamples.PROBLEM_SHIPMENT_NOT_FOUND)))
    public ReadingsPageResponse read(
            @Parameter(description = ShipmentIds.DESCRIPTION, example = TemperatureExamples.SHIPMENT_ID)
            @PathParam("id") @Pattern(regexp = ShipmentIds.PATTERN, message = ShipmentIds.MESSAGE) String id,
            @Parameter(name = FROM, in = ParameterIn.QUERY, description = "Readings dated from this instant on "
                    + "(default: all)", example = "2026-11-25T10:00:00Z",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam(FROM) String from,
            @Parameter(name = TO, in = ParameterIn.QUERY, description = "Readings dated before this instant "
                    + "(default: all)", example = "2026-11-25T12:00:00Z",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam(TO) String to,
            @Parameter(name = EVERY, in = ParameterIn.QUERY, description = "Sum the readings up per interval of "
                    + "this length, an ISO-8601 duration of whole seconds from PT1M to P1D", example = "PT5M",
                    schema = @Schema(type = SchemaType.STRING, format = "duration"))
            @QueryParam(EVERY) String every,
            @Parameter(name = CURSOR, in = ParameterIn.QUERY, description = "The nextCursor of the previous page",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 120))
            @QueryParam(CURSOR) String cursor,
            @Parameter(name = LIMIT, in = ParameterIn.QUERY, description = "The most readings (or intervals) to "
                    + "return: 1 to " + MAX_LIMIT + " (default " + MAX_LIMIT + ")", example = "1000",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                            maximum = "" + MAX_LIMIT, defaultValue = "" + MAX_LIMIT))
            @QueryParam(LIMIT) String limit) {
        Instant start = instant(FROM, from, JsonBounds.EARLIEST_INSTANT);
        Instant end = instant(TO, to, JsonBounds.LATEST_INSTANT);
        if (!start.isBefore(end)) {
            throw QueryParameters.invalid(FROM, "must be earlier than to");
        }
        Optional<SamplingInterval> interval = Optional.ofNullable(blankAsAbsent(every)).map(text -> SamplingInterval
                .parse(text).orElseThrow(() -> QueryParameters.invalid(EVERY, SamplingInterval.RULE)));
        Optional<SeriesPosition> after = Optional.ofNullable(blankAsAbsent(cursor)).map(text -> PageCursor.decode(text)
                .orElseThrow(() -> QueryParameters.invalid(CURSOR, PageCursor.RULE)));
        int most = (int) QueryParameters.wholeNumber(LIMIT, blankAsAbsent(limit), MAX_LIMIT, MAX_LIMIT, LIMIT_RULE);
        if (interval.isPresent()) {
            SeriesPage<ReadingBucketResponse> page = map(temperatures.buckets(id, caller.get(), interval.get(), start,
                    end, after, most), ReadingBucketResponse::of);
            return new ReadingsPageResponse(id, interval.get().length().toString(), null, page.items(),
                    page.next().map(PageCursor::encode).orElse(null));
        }
        SeriesPage<LoggedReadingResponse> page = map(temperatures.page(id, caller.get(), start, end, after, most),
                LoggedReadingResponse::of);
        return new ReadingsPageResponse(id, null, page.items(), null, page.next().map(PageCursor::encode).orElse(null));
    }

    /** The readings, if they all keep their shape and the rules; otherwise a 400 listing every reading that does not. */
    private static List<Reading> valid(SentReadings sent) {
        List<Problem.Violation> violations = !sent.violations().isEmpty() ? sent.violations()
                : ReadingRules.check(sent.readings()).stream().map(violation -> new Problem.Violation(
                        "readings[" + violation.index() + "]." + violation.member(), violation.rule())).toList();
        if (violations.isEmpty()) {
            return sent.readings();
        }
        throw new ProblemException(Problem.of(ProblemType.INVALID_REQUEST, violations.size() == 1
                ? "One field is not valid." : violations.size() + " fields are not valid.").withViolations(violations));
    }

    private static Instant instant(String name, String value, Instant fallback) {
        String text = blankAsAbsent(value);
        return text == null ? fallback
                : IsoInstants.parse(text).orElseThrow(() -> QueryParameters.invalid(name, IsoInstants.RULE));
    }

    private static <T, R> SeriesPage<R> map(SeriesPage<T> page, Function<T, R> mapping) {
        return new SeriesPage<>(page.items().stream().map(mapping).toList(), page.next());
    }

    private static String blankAsAbsent(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
