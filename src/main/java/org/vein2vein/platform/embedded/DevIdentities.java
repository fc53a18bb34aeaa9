package org.vein2vein.platform.embedded;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.vein2vein.platform.security.Roles;

/** The people of the embedded-mode demo, one per role, for whom dev tokens are handed out. */
enum DevIdentities {
    TECHNICIAN_COLLECTION("tech-lyon-01", Roles.TECHNICIAN, "HOSP-LYON", List.of("SITE-LYON-01")),
    TECHNICIAN_MANUFACTURING("tech-gent-01", Roles.TECHNICIAN, "MFG-GENT", List.of("MFG-GENT-01")),
    LOGISTICS("courier-01", Roles.LOGISTICS, "CRYO-COURIER-1", List.of()),
    QA("qa-01", Roles.QA, "VEIN2VEIN-QA", List.of()),
    ADMIN("admin-01", Roles.ADMIN, "VEIN2VEIN", List.of());

    final String subject;
    final String role;
    final String organisation;
    final List<String> sites;

    DevIdentities(String subject, String role, String organisation, List<String> sites) {
        this.subject = subject;
        this.role = role;
        this.organisation = organisation;
        this.sites = sites;
    }

    /** The name in {@code /dev/tokens/{name}}: technician-collection, qa, ... */
    String tokenName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    Map<String, Object> description() {
        return Map.of("subject", subject, "roles", Set.of(role), "organisation", organisation, "sites", sites);
    }
}
