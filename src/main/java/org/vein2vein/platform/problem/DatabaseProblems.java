package org.vein2vein.platform.problem;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.logging.Log;

import org.vein2vein.platform.idempotency.IdempotentExecution;
import org.vein2vein.platform.persistence.DatabaseFailures;

/**
 * The answers to failures of the database, which say truthfully what became of the request: the
 * database could not be reached before anything was committed (503, nothing was recorded, try again),
 * or a commit failed and nobody knows whether it was recorded (500 outcome-unknown, and how to find out).
 */
final class DatabaseProblems {

    /** Seconds a client is asked to wait before trying again while the database cannot be reached. */
    static final int RETRY_AFTER_SECONDS = 5;
    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private DatabaseProblems() {
    }

    /** The answer to the failure, if it is one of the database's. */
    static Optional<Response> answer(Throwable failure, UriInfo uri, Request request, HttpHeaders headers) {
        // A commit that failed may have lost the connection too: at the commit, nothing is certain. A read
        // changes nothing, so its failed commit is only the database being away.
        if (DatabaseFailures.atCommit(failure) && !READS.contains(request.getMethod())) {
            return Optional.of(outcomeUnknown(failure, uri, headers));
        }
        if (DatabaseFailures.unreachable(failure) || DatabaseFailures.atCommit(failure)) {
            return Optional.of(unavailable(failure, uri, request));
        }
        return Optional.empty();
    }

    private static Response unavailable(Throwable failure, UriInfo uri, Request request) {
        // The method only: a path may hold a pseudonymous reference (/api/v1/donors/{donorReference}/...).
        Log.warnf("The database cannot be reached (%s): a %s answered 503", rootOf(failure), request.getMethod());
        String recorded = READS.contains(request.getMethod()) ? "" : "; nothing was recorded";
        Problem problem = Problem.of(ProblemType.SERVICE_UNAVAILABLE, "The database cannot be reached" + recorded
                + ". Try again in " + RETRY_AFTER_SECONDS + " seconds.");
        return Response.fromResponse(ProblemResponses.of(problem.at(uri.getPath())))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    private static Response outcomeUnknown(Throwable failure, UriInfo uri, HttpHeaders headers) {
        UUID incident = UUID.randomUUID();
        Log.errorf(failure, "A commit failed, whether it was recorded is unknown: incident %s", incident);
        String findOut = headers.getHeaderString(IdempotentExecution.HEADER) != null
                ? "Send it again with the same " + IdempotentExecution.HEADER + " to find out: if it was recorded, "
                        + "you receive its answer; if not, it is carried out now."
                : "Read what it changes (for a step, the batch's custody history) to find out before you send it "
                        + "again: sent again as it is, it could be recorded twice.";
        return ProblemResponses.of(Problem.of(ProblemType.OUTCOME_UNKNOWN, "The connection to the database failed "
                + "while the request was being committed: it may or may not have been recorded. " + findOut
                + " Quote incident " + incident + ".").with("incident", incident.toString()).at(uri.getPath()));
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; depth < 20 && root.getCause() != null; depth++) {
            root = root.getCause();
        }
        return root;
    }
}
