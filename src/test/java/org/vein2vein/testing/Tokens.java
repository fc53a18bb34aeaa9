package org.vein2vein.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

import org.vein2vein.platform.embedded.DevSigningKeys;
import org.vein2vein.platform.security.Roles;

/** Tokens the tests mint for themselves, signed with the key the service under test trusts. */
public final class Tokens {

    /** The sites the tests' default technician works at. */
    public static final List<String> TEST_SITES = List.of("SITE-LYON-01", "MFG-GENT-01");
    public static final String TECHNICIAN_ID = "tech-test";
    public static final String TECHNICIAN_ORGANISATION = "HOSP-LYON";

    private Tokens() {
    }

    public static String technician() {
        return technicianAt(TEST_SITES);
    }

    public static String technicianAt(List<String> sites) {
        return token(TECHNICIAN_ID, Roles.TECHNICIAN, TECHNICIAN_ORGANISATION, sites);
    }

    public static String qa() {
        return token("qa-test", Roles.QA, "VEIN2VEIN-QA", List.of());
    }

    public static String logistics() {
        return token("courier-test", Roles.LOGISTICS, "CRYO-COURIER-1", List.of());
    }

    public static String admin() {
        return token("admin-test", Roles.ADMIN, "VEIN2VEIN", List.of());
    }

    public static String token(String subject, String role, String organisation, List<String> sites) {
        return TestInfrastructure.signingKeys().token(subject, Set.of(role), organisation, sites,
                Duration.ofHours(1));
    }

    /** {@code claims}, from the trusted issuer for this service, signed with its key: a token of any shape. */
    public static String signed(JwtClaimsBuilder claims) {
        try {
            String pem = Files.readString(TestInfrastructure.signingKeyDirectory().resolve("dev-signing-key.pem"));
            return claims.issuer(DevSigningKeys.ISSUER).audience(DevSigningKeys.AUDIENCE).expiresIn(Duration.ofHours(1))
                    .sign(KeyUtils.decodePrivateKey(pem));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
