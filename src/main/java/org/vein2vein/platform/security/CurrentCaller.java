package org.vein2vein.platform.security;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of the current request, read from its verified JSON Web Token. */
@RequestScoped
public class CurrentCaller {

    static final String ORGANISATION_CLAIM = "org";
    static final String SITES_CLAIM = "sites";

    private final JsonWebToken token;

    public CurrentCaller(JsonWebToken token) {
        this.token = token;
    }

    public Caller get() {
        return new Caller(token.getSubject(), organisation(), Set.copyOf(token.getGroups()), sites());
    }

    private String organisation() {
        Object claim = token.getClaim(ORGANISATION_CLAIM);
        return claim instanceof JsonString text ? text.getString() : claim instanceof String text ? text : "";
    }

    private Set<String> sites() {
        if (token.getClaim(SITES_CLAIM) instanceof JsonArray values) {
            return values.stream().filter(JsonString.class::isInstance).map(value -> ((JsonString) value).getString())
                    .collect(Collectors.toUnmodifiableSet());
        }
        return Set.of();
    }
}
