package org.vein2vein.platform.ratelimit;

import java.math.BigDecimal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemResponses;
import org.vein2vein.platform.problem.ProblemType;

/**
 * Refuses API requests beyond a client's rate with 429 and {@code Retry-After}, before the body
 * is read or any resource runs. Runs before matching, so that requests to unknown paths and
 * requests the security checks would refuse are counted too.
 */
public class RateLimitFilter {

    private static final String API = "/api/";
    private static final String ORGANISATION_CLAIM = "org";

    private final RateLimitConfig config;
    private final RateLimiter limiter;
    private final CurrentIdentityAssociation identity;

    public RateLimitFilter(RateLimitConfig config, RateLimiter limiter, CurrentIdentityAssociation identity) {
        this.config = config;
        this.limiter = limiter;
        this.identity = identity;
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> limit(ContainerRequestContext request, HttpServerRequest connection) {
        String path = request.getUriInfo().getPath();
        if (!config.enabled() || !path.startsWith(API)) {
            return Uni.createFrom().nullItem();
        }
        // Authentication is lazy: this verifies the token. The outcome is kept for the security
        // checks after this filter, so an invalid token is still answered with 401 as before.
        return identity.getDeferredIdentity()
                .map(caller -> clientOf(caller, connection))
                .onFailure().recoverWithItem(() -> Client.address(addressOf(connection)))
                .map(client -> {
                    long retryAfterSeconds = limiter.acquire(client);
                    return retryAfterSeconds == 0 ? null : tooManyRequests(path, retryAfterSeconds);
                });
    }

    private static Client clientOf(SecurityIdentity caller, HttpServerRequest connection) {
        if (!caller.isAnonymous() && caller.getPrincipal() instanceof JsonWebToken token) {
            Object organisation = token.getClaim(ORGANISATION_CLAIM);
            return Client.caller(token.getSubject(), organisation == null ? "" : organisation.toString());
        }
        return Client.address(addressOf(connection));
    }

    /** The peer's address, or the forwarded client's when quarkus.http.proxy.* trusts a proxy. */
    private static String addressOf(HttpServerRequest connection) {
        SocketAddress remote = connection.remoteAddress();
        if (remote == null) {
            return "";
        }
        // A forwarded client named by something other than an address has no host address.
        return remote.hostAddress() != null ? remote.hostAddress() : remote.host();
    }

    private String perSecond() {
        return BigDecimal.valueOf(config.requestsPerSecond()).stripTrailingZeros().toPlainString();
    }

    private Response tooManyRequests(String path, long retryAfterSeconds) {
        Problem problem = Problem.of(ProblemType.TOO_MANY_REQUESTS, "You sent more than " + config.burst()
                + " requests at once, or more than " + perSecond() + " a second for a while. Retry after "
                + retryAfterSeconds + (retryAfterSeconds == 1 ? " second." : " seconds.")).at(path);
        return Response.fromResponse(ProblemResponses.of(problem))
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds).build();
    }
}
