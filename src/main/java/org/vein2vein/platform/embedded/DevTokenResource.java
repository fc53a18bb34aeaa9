package org.vein2vein.platform.embedded;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.vertx.core.http.HttpServerRequest;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemType;

/**
 * Hands out tokens for trying the API in embedded mode, to callers on this machine only. It answers
 * nothing unless embedded mode made the signing keys, and the production build does not contain it;
 * so it is left out of the API contract too (see docs/security.md, "Dev tokens").
 */
@Path("/dev/tokens")
@PermitAll
public class DevTokenResource {

    private static final Duration VALIDITY = Duration.ofHours(12);

    private final HttpServerRequest request;

    public DevTokenResource(HttpServerRequest request) {
        this.request = request;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Map<String, Map<String, Object>> list() {
        DevSigningKeys keys = keys();
        Map<String, Map<String, Object>> tokens = new LinkedHashMap<>();
        for (DevIdentities identity : DevIdentities.values()) {
            Map<String, Object> entry = new LinkedHashMap<>(identity.description());
            entry.put("token", token(keys, identity));
            tokens.put(identity.tokenName(), entry);
        }
        return tokens;
    }

    @GET
    @Path("/{name}")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public String token(@PathParam("name") String name) {
        DevSigningKeys keys = keys();
        DevIdentities identity = Arrays.stream(DevIdentities.values())
                .filter(candidate -> candidate.tokenName().equals(name))
                .findFirst()
                .orElseThrow(DevTokenResource::notFound);
        return token(keys, identity);
    }

    private DevSigningKeys keys() {
        boolean local = request.remoteAddress() != null && isLoopback(request.remoteAddress().host());
        return Optional.ofNullable(EmbeddedMode.devSigningKeys()).filter(found -> local)
                .orElseThrow(DevTokenResource::notFound);
    }

    private static String token(DevSigningKeys keys, DevIdentities identity) {
        return keys.token(identity.subject, Set.of(identity.role), identity.organisation, identity.sites, VALIDITY);
    }

    private static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("::1") || host.equals("0:0:0:0:0:0:0:1")
                || host.startsWith("127.");
    }

    private static ProblemException notFound() {
        return new ProblemException(Problem.of(ProblemType.NOT_FOUND, "Nothing is served at this path."));
    }
}
