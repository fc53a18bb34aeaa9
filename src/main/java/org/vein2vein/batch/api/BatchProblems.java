package org.vein2vein.batch.api;

import java.util.List;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import org.vein2vein.batch.api.stagedata.InvalidStageDataException;
import org.vein2vein.batch.application.BatchNotFoundException;
import org.vein2vein.batch.application.IdentifierInUseException;
import org.vein2vein.batch.application.InvalidStepDataException;
import org.vein2vein.batch.application.ReleaseGateException;
import org.vein2vein.batch.application.SiteNotPermittedException;
import org.vein2vein.batch.application.StaleBatchException;
import org.vein2vein.batch.application.StepTimeException;
import org.vein2vein.batch.application.TemperatureClassMismatchException;
import org.vein2vein.batch.application.UnitNotInBatchException;
import org.vein2vein.batch.domain.DoseAlreadyAllocatedException;
import org.vein2vein.batch.domain.StepOutOfOrderException;
import org.vein2vein.kernel.InvalidCoiException;
import org.vein2vein.kernel.Stage;
import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemResponses;
import org.vein2vein.platform.problem.ProblemType;

/** The problems of the batch slice, as clients see them. */
public class BatchProblems {

    @ServerExceptionMapper
    public Response invalidCoi(InvalidCoiException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.INVALID_COI, e.getMessage())
                .withViolations(List.of(new Problem.Violation("path.coi", e.getMessage()))), uri);
    }

    @ServerExceptionMapper
    public Response batchNotFound(BatchNotFoundException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.BATCH_NOT_FOUND, capitalized(e.getMessage()) + "."), uri);
    }

    @ServerExceptionMapper
    public Response siteNotPermitted(SiteNotPermittedException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.SITE_NOT_PERMITTED, capitalized(e.getMessage()) + ".")
                .with("site", e.site()), uri);
    }

    @ServerExceptionMapper
    public Response invalidStepData(InvalidStepDataException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.INVALID_REQUEST, "Field '" + e.field() + "' " + e.getMessage() + ".")
                .withViolations(List.of(new Problem.Violation(e.field(), e.getMessage()))), uri);
    }

    @ServerExceptionMapper
    public Response invalidStageData(InvalidStageDataException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.INVALID_REQUEST, e.getMessage()).withViolations(e.violations()), uri);
    }

    @ServerExceptionMapper
    public Response unitNotInBatch(UnitNotInBatchException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.UNIT_NOT_IN_BATCH, capitalized(e.getMessage()) + ".")
                .with("unitIds", e.unitIds()), uri);
    }

    @ServerExceptionMapper
    public Response temperatureClassMismatch(TemperatureClassMismatchException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.TEMPERATURE_CLASS_MISMATCH, capitalized(e.getMessage()) + ".")
                .with("declared", e.declared()).with("required", e.required()), uri);
    }

    @ServerExceptionMapper
    public Response identifierInUse(IdentifierInUseException e, UriInfo uri) {
        ProblemType type = e.kind() == IdentifierInUseException.Kind.UNIT_ID
                ? ProblemType.UNIT_ID_IN_USE : ProblemType.DONATION_ID_IN_USE;
        return respond(Problem.of(type, capitalized(e.getMessage()) + ".").with("identifiers", e.identifiers()), uri);
    }

    @ServerExceptionMapper
    public Response doseAlreadyAllocated(DoseAlreadyAllocatedException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.DOSE_ALREADY_ALLOCATED, capitalized(e.getMessage()) + ".")
                .with("unitId", e.unitId()), uri);
    }

    @ServerExceptionMapper
    public Response releaseGate(ReleaseGateException e, UriInfo uri) {
        ProblemType type = e.attempted() == Stage.OUT_OF_SPEC
                ? ProblemType.WITHIN_SPECIFICATION : ProblemType.RELEASE_SPECIFICATION_NOT_MET;
        Problem problem = Problem.of(type, capitalized(e.getMessage()) + ".");
        if (e.assessment() != null) {
            problem = problem
                    .with("outOfSpecification", e.assessment().outOfSpecification().stream()
                            .map(verdict -> verdict.test() + " (" + verdict.criterion() + ")").toList())
                    .with("missingTests", e.assessment().missing().stream().sorted().toList());
        }
        return respond(problem, uri);
    }

    @ServerExceptionMapper
    public Response stale(StaleBatchException e, UriInfo uri) {
        return Response.fromResponse(respond(Problem.of(ProblemType.PRECONDITION_FAILED, capitalized(e.getMessage())
                + ". Read the batch again and decide anew.").with("currentSequence", e.current()), uri))
                .tag(new EntityTag(Long.toString(e.current()))).build();
    }

    @ServerExceptionMapper
    public Response stepOutOfOrder(StepOutOfOrderException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.STEP_OUT_OF_ORDER, capitalized(e.getMessage()) + ".")
                .with("currentStage", e.current())
                .with("attemptedStage", e.attempted())
                .with("allowedNextStages", List.copyOf(e.allowed())), uri);
    }

    @ServerExceptionMapper
    public Response stepTime(StepTimeException e, UriInfo uri) {
        if (e.reason() == StepTimeException.Reason.IN_FUTURE) {
            return respond(Problem.of(ProblemType.OCCURRED_AT_IN_FUTURE, capitalized(e.getMessage()) + ".")
                    .withViolations(List.of(new Problem.Violation("occurredAt",
                            "must not be later than " + e.limit())))
                    .with("latestAccepted", e.limit().toString()), uri);
        }
        return respond(Problem.of(ProblemType.OCCURRED_BEFORE_PREVIOUS_EVENT, capitalized(e.getMessage()) + ".")
                .with("earliestAccepted", e.limit().toString()), uri);
    }

    private static Response respond(Problem problem, UriInfo uri) {
        return ProblemResponses.of(problem.at(uri.getPath()));
    }

    private static String capitalized(String message) {
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
