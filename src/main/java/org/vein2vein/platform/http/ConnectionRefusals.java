package org.vein2vein.platform.http;

import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemResponses;
import org.vein2vein.platform.problem.ProblemType;

/**
 * The problems a {@link ConnectionGuard} answers by itself, written as whole HTTP responses: no
 * resource, filter or route sees these requests. They carry the headers every answer of the
 * service carries (see docs/api.md, "Connections, sizes and headers"), and close the connection.
 */
final class ConnectionRefusals {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private final ObjectMapper mapper;
    private final int maxRequestLineBytes;
    private final long maxHeaderBytes;
    private final long maxBodyBytes;
    private final Duration headerTimeout;
    private final Duration bodyTimeout;

    ConnectionRefusals(ObjectMapper mapper, int maxRequestLineBytes, long maxHeaderBytes, long maxBodyBytes,
            Duration headerTimeout, Duration bodyTimeout) {
        this.mapper = mapper;
        this.maxRequestLineBytes = maxRequestLineBytes;
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxBodyBytes = maxBodyBytes;
        this.headerTimeout = headerTimeout;
        this.bodyTimeout = bodyTimeout;
    }

    long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** A head the HTTP codec could not read: too long a line, too many header bytes, or malformed. */
    Problem malformedHead(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return Problem.of(ProblemType.URI_TOO_LONG, "The request line (method, path with query, version) "
                    + "exceeds " + maxRequestLineBytes + " bytes.");
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return Problem.of(ProblemType.HEADER_FIELDS_TOO_LARGE, "The header fields exceed " + maxHeaderBytes
                    + " bytes in all.");
        }
        // The cause's message quotes the offending input: it is not repeated to anyone.
        return Problem.of(ProblemType.INVALID_REQUEST, "The request line or a header field is malformed, for "
                + "example a control character in a header value or a header name that is not a token.");
    }

    Problem headTooSlow() {
        return Problem.of(ProblemType.REQUEST_TIMEOUT, "The request line and header fields did not arrive within "
                + seconds(headerTimeout) + ".");
    }

    Problem bodyTooSlow() {
        return Problem.of(ProblemType.REQUEST_TIMEOUT, "The request body did not arrive within "
                + seconds(bodyTimeout) + " of the header fields.");
    }

    Problem bodyTooLarge() {
        return Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body exceeds the limit of " + maxBodyBytes
                + " bytes.");
    }

    /** {@code problem} as a complete response that asks the client to close the connection. */
    FullHttpResponse render(Problem problem, String path) {
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(path == null ? problem : problem.at(path));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem could not be written as JSON", e);
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(problem.getStatus()), Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, ProblemResponses.MEDIA_TYPE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE)
                .set("x-content-type-options", "nosniff")
                .set(HttpHeaderNames.CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY)
                .set("referrer-policy", "no-referrer");
        return response;
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + (millis == 1000 ? " second" : " seconds") : millis + " ms";
    }
}
