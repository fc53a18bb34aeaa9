package org.vein2vein.shipment.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A side of a handover: an organisation, at one of its sites when it is a site (the origin, the
 * destination), or a logistics partner (a courier, a depot, customs) anywhere along the way.
 */
public record Party(String organisation, Optional<String> site) {

    public Party {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(site, "site");
    }

    public static Party atSite(String organisation, String site) {
        return new Party(organisation, Optional.of(site));
    }

    public static Party partner(String organisation) {
        return new Party(organisation, Optional.empty());
    }

    @Override
    public String toString() {
        return site.map(code -> organisation + " at " + code).orElse(organisation);
    }
}
