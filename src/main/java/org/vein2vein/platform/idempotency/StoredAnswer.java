package org.vein2vein.platform.idempotency;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The answer a request got, as kept for its retries: the status, the headers that describe the
 * result ({@code Location}, {@code ETag}) and the JSON body, exactly as first sent.
 *
 * @param requestFingerprint SHA-256 of the request's method, path and canonical body
 */
record StoredAnswer(String requestFingerprint, int status, Map<String, String> headers, String body) {

    StoredAnswer {
        headers = Map.copyOf(headers);
    }

    Response toResponse() {
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
        headers.forEach(response::header);
        return response.build();
    }
}
