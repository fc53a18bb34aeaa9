package org.vein2vein.bench.simulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.vein2vein.platform.embedded.DevSigningKeys;
import org.vein2vein.platform.security.Roles;

/**
 * Signs the tokens of the simulated people with the key pair the service trusts: the zero-setup
 * service's own ({@code data/keys}), or one the benchmark made and pointed the service at.
 */
public final class TokenMint {

    private static final Duration VALIDITY = Duration.ofHours(4);

    private final DevSigningKeys keys;
    private final Map<String, String> technicians = new ConcurrentHashMap<>();
    private final Map<String, String> couriers = new ConcurrentHashMap<>();

    private TokenMint(DevSigningKeys keys) {
        this.keys = keys;
    }

    /** The key pair kept in {@code directory}; refuses to make one where there is none. */
    public static TokenMint of(Path directory) {
        if (!Files.exists(directory.resolve("dev-signing-key.pem"))) {
            throw new IllegalArgumentException("No signing key in " + directory.toAbsolutePath() + ": start the "
                    + "service in zero-setup mode first (it makes data/keys), or name the folder of the key the "
                    + "service trusts");
        }
        return new TokenMint(DevSigningKeys.loadOrCreate(directory));
    }

    /** Makes a new key pair in {@code directory}: the benchmark points the service it starts at it. */
    public static TokenMint create(Path directory) {
        return new TokenMint(DevSigningKeys.loadOrCreate(directory));
    }

    public DevSigningKeys keys() {
        return keys;
    }

    /** A technician working at one site, with a pseudonymous id named after it. */
    public String technicianAt(String site) {
        return technicians.computeIfAbsent(site, code -> keys.token("sim-tech-" + code.toLowerCase(),
                Set.of(Roles.TECHNICIAN), organisationOf(code), List.of(code), VALIDITY));
    }

    /** A technician working at several sites (the benchmark's load clients). */
    public String technicianAt(List<String> sites) {
        return keys.token("bench-tech", Set.of(Roles.TECHNICIAN), "BENCH-ORG", sites, VALIDITY);
    }

    /**
     * A user of a logistics partner: its organisation is the {@code org} claim shipments name as their
     * courier, or hand a shipment over to.
     */
    public String logistics(String organisation) {
        return couriers.computeIfAbsent(organisation, org -> keys.token("sim-courier-" + org.toLowerCase(),
                Set.of(Roles.LOGISTICS), org, List.of(), VALIDITY));
    }

    public String qa() {
        return keys.token("sim-qa", Set.of(Roles.QA), "VEIN2VEIN-QA", List.of(), VALIDITY);
    }

    public String admin() {
        return keys.token("sim-admin", Set.of(Roles.ADMIN), "VEIN2VEIN", List.of(), VALIDITY);
    }

    private static String organisationOf(String site) {
        int last = site.lastIndexOf('-');
        return last > 0 ? site.substring(0, last) : site;
    }
}
