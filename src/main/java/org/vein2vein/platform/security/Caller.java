package org.vein2vein.platform.security;

import java.util.Set;

import org.vein2vein.kernel.Actor;

/**
 * The authenticated caller of a request, as their verified token describes them.
 *
 * @param id           pseudonymous person id ({@code sub})
 * @param organisation the organisation they act for ({@code org})
 * @param roles        the roles granted ({@code groups})
 * @param sites        the sites a technician may work at ({@code sites})
 */
public record Caller(String id, String organisation, Set<String> roles, Set<String> sites) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Whether this caller may act at {@code site}: only technicians are bound to sites. */
    public boolean worksAt(String site) {
        return sites.contains(site);
    }

    /** The caller as recorded in the ledger, acting in {@code role}. */
    public Actor actingAs(String role) {
        if (!hasRole(role)) {
            throw new IllegalStateException("the caller does not hold role " + role);
        }
        return new Actor(id, role, organisation);
    }
}
