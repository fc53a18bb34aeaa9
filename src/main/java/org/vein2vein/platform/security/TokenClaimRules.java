package org.vein2vein.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Rules a validly signed token must also keep, or it is refused like any invalid token ({@code 401}):
 * <ul>
 * <li>{@code sub} names the person: the ledger records it as the actor, so it must be there and not
 * blank (the verifier itself accepts {@code upn} or {@code preferred_username} instead);</li>
 * <li>{@code groups} is a JSON array of role names. A single role name as a string is accepted; a
 * string holding spaces is refused, because the verifier would split it into several roles, and
 * whether its issuer meant that cannot be told.</li>
 * </ul>
 */
@ApplicationScoped
public class TokenClaimRules implements SecurityIdentityAugmentor {

    static final String GROUPS_CLAIM = "groups";

    private final ObjectMapper mapper;

    public TokenClaimRules(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        String broken = brokenRule(token);
        if (broken == null) {
            return Uni.createFrom().item(identity);
        }
        Log.debugf("A signed token was refused: %s", broken);
        return Uni.createFrom().failure(new AuthenticationFailedException(broken));
    }

    private String brokenRule(JsonWebToken token) {
        if (token.getSubject() == null || token.getSubject().isBlank()) {
            return "it has no sub claim";
        }
        // The verified token's groups, as sent: the principal only shows them already split.
        JsonNode claims = claimsAsSent(token);
        if (claims == null) {
            return "its claims cannot be read";
        }
        JsonNode groups = claims.get(GROUPS_CLAIM);
        if (groups != null && groups.isTextual() && groups.asText().chars().anyMatch(Character::isWhitespace)) {
            return "its groups claim is a string of several words";
        }
        return null;
    }

    /** The token's claims as JSON; null (refused) if they cannot be read, which a verified token never is. */
    private JsonNode claimsAsSent(JsonWebToken token) {
        String[] parts = token.getRawToken().split("\\.");
        try {
            return mapper.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
