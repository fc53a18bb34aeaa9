package org.vein2vein.platform.idempotency;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.vein2vein.platform.problem.ProblemResponses;

/**
 * The answer a request got, as kept for its retries: the status, the headers that describe the
 * result ({@code Location}, {@code ETag}) and the JSON body, exactly as first sent. Successes are
 * kept, and the one refusal that records something (a {@code 409} with a rejected attempt).
 *
 * @param requestFingerprint SHA-256 of the request's method, path and canonical body
 */
record StoredAnswer(String requestFingerprint, int status, Map<String, String> headers, String body) {

    StoredAnswer {
        headers = Map.copyOf(headers);
    }

    Response toResponse() {
        // A kept refusal (a rejected attempt on record) is a problem, and replays as one.
        String type = status >= 400 ? ProblemResponses.MEDIA_TYPE : MediaType.APPLICATION_JSON;
        Response.ResponseBuilder response = Response.status(status).type(type).entity(body);
        headers.forEach(response::header);
        return response.build();
    }
}
