package org.vein2vein.platform.problem;

import java.util.Optional;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;

/**
 * Answers a request whose declared Content-Length exceeds {@code quarkus.http.limits.max-body-size}
 * with a 413 problem. The HTTP server checks the same limit just after this route and would
 * answer with an empty body; a body sent in chunks that grows past the limit is refused by the
 * JAX-RS layer, which {@link ProblemMappers} answers.
 */
public class OversizedBodyProblem {

    /** Before the HTTP server's own check, which runs at order -2. */
    private static final int BEFORE_BODY_LIMIT = -3;

    void install(@Observes Router router, ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
        limit.map(MemorySize::asLongValue).ifPresent(maxBytes -> router.route().order(BEFORE_BODY_LIMIT)
                .handler(context -> {
                    if (declaredLength(context.request().getHeader(HttpHeaderNames.CONTENT_LENGTH)) <= maxBytes) {
                        context.next();
                        return;
                    }
                    // As the server does: the unread body would otherwise be taken for the next request.
                    context.response().putHeader(HttpHeaderNames.CONNECTION, "close");
                    ProblemResponses.end(context, Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                            "The request body exceeds the limit of " + maxBytes + " bytes."), mapper);
                }));
    }

    private static long declaredLength(CharSequence contentLength) {
        try {
            return contentLength == null ? 0 : Long.parseLong(contentLength.toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
