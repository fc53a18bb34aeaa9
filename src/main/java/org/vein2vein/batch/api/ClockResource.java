package org.vein2vein.batch.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.vein2vein.clock.application.ClockConfig;
import org.vein2vein.batch.application.BatchService;
import org.vein2vein.clock.application.ClockService;
import org.vein2vein.clock.domain.WindowClock;
import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemResponses;
import org.vein2vein.platform.security.CurrentCaller;
import org.vein2vein.platform.security.Roles;
import org.vein2vein.platform.web.QueryParameters;

@Path("/api/v1/clocks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clocks", description = "Live clocks of the product time windows a batch is within")
@RolesAllowed({ Roles.TECHNICIAN, Roles.QA, Roles.LOGISTICS })
public class ClockResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    /** As long as the longest window a product may have: a span beyond it lists nothing more. */
    static final Duration LONGEST_DUE_WITHIN = Duration.ofDays(30);
    private static final String DUE_WITHIN = "dueWithin";
    private static final String LIMIT = "limit";
    private static final String DUE_WITHIN_RULE = "must be an ISO-8601 duration longer than zero and at most P30D, "
            + "e.g. PT2H";

    private final ClockService clocks;
    private final BatchService batches;
    private final ClockConfig config;
    private final CurrentCaller caller;
    private final Clock clock;

    public ClockResource(ClockService clocks, BatchService batches, ClockConfig config, CurrentCaller caller,
            Clock clock) {
        this.clocks = clocks;
        this.batches = batches;
        this.config = config;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Operation(operationId = "listDueClocks", summary = "List the running clocks due soon, across batches",
            description = "The running clocks of every batch the caller may see whose deadline comes before now plus "
                    + "dueWithin, overdue ones included, soonest deadline first, at most limit. QA and logistics see "
                    + "every batch; a technician the batches that have been at, or are on their way to, one of their "
                    + "sites.")
    @APIResponse(responseCode = "200", description = "The clocks due before dueBefore",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DueClocksResponse.class),
                    examples = @ExampleObject(name = "due", summary = "?dueWithin=PT2H: one overdue, one due soon",
                            value = ClockExamples.DUE_CLOCKS)))
    @APIResponse(responseCode = "400", description = "dueWithin is missing, not an ISO-8601 duration, not above zero or "
            + "beyond P30D, or limit is out of range",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "invalid-due-within", value = ClockExamples.PROBLEM_INVALID_DUE_WITHIN),
                            @ExampleObject(name = "invalid-limit", value = ClockExamples.PROBLEM_INVALID_LIMIT) }))
    public DueClocksResponse due(
            @Parameter(name = DUE_WITHIN, in = ParameterIn.QUERY, required = true, description = "How far ahead to "
                    + "look: an ISO-8601 duration above zero and at most P30D", example = "PT2H",
                    schema = @Schema(type = SchemaType.STRING, format = "duration"))
            @QueryParam(DUE_WITHIN) String dueWithin,
            @Parameter(name = LIMIT, in = ParameterIn.QUERY, description = "The most clocks to return: 1 to "
                    + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")", example = "100",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                            maximum = "" + MAX_LIMIT, defaultValue = "" + DEFAULT_LIMIT))
            @QueryParam(LIMIT) String limit) {
        Duration within = dueWithin(dueWithin);
        int most = (int) QueryParameters.wholeNumber(LIMIT, blankAsAbsent(limit), DEFAULT_LIMIT, MAX_LIMIT,
                "must be a whole number from 1 to " + MAX_LIMIT);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant until = now.plus(within);
        List<WindowClock> due = clocks.dueBefore(until, batches.activeBatchesVisibleTo(caller.get()), most);
        return new DueClocksResponse(now, until, due.stream()
                .map(running -> ClockResponse.of(running, now, config.warningAt())).toList());
    }

    private static Duration dueWithin(String text) {
        String value = blankAsAbsent(text);
        if (value == null) {
            throw QueryParameters.invalid(DUE_WITHIN, "is required: " + DUE_WITHIN_RULE.substring("must be ".length()));
        }
        try {
            Duration within = Duration.parse(value);
            if (!within.isNegative() && !within.isZero() && within.compareTo(LONGEST_DUE_WITHIN) <= 0) {
                return within;
            }
        } catch (DateTimeParseException e) {
            // answered below, as any other value out of range
        }
        throw QueryParameters.invalid(DUE_WITHIN, DUE_WITHIN_RULE);
    }

    private static String blankAsAbsent(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
