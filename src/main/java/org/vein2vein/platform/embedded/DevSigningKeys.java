package org.vein2vein.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/**
 * The RSA key pair that signs and verifies tokens in embedded mode: made at first start, kept as
 * PEM files in the data folder, so tokens stay valid across restarts. Never used in production,
 * where tokens come from a real identity provider.
 */
public final class DevSigningKeys {

    public static final String ISSUER = "urn:vein2vein:embedded-issuer";
    public static final String AUDIENCE = "vein2vein";

    private final Path publicKeyFile;
    private final PrivateKey privateKey;

    private DevSigningKeys(Path publicKeyFile, PrivateKey privateKey) {
        this.publicKeyFile = publicKeyFile;
        this.privateKey = privateKey;
    }

    /** Loads the key pair from {@code directory}, or makes and stores one there. */
    public static DevSigningKeys loadOrCreate(Path directory) {
        Path privateFile = directory.resolve("dev-signing-key.pem");
        Path publicFile = directory.resolve("dev-verification-key.pem");
        try {
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                Files.createDirectories(directory);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
            }
            byte[] encoded = Base64.getMimeDecoder().decode(Files.readString(privateFile, StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", ""));
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(encoded));
            return new DevSigningKeys(publicFile, key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the dev signing keys in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make or read the dev signing keys in " + directory, e);
        }
    }

    /** Where the service reads the public key from ({@code mp.jwt.verify.publickey.location}). */
    public Path publicKeyFile() {
        return publicKeyFile;
    }

    /** A signed token for a person acting in {@code roles} for {@code organisation}, at {@code sites}. */
    public String token(String subject, Set<String> roles, String organisation, Collection<String> sites,
            Duration validity) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .groups(roles)
                .claim("org", organisation)
                .claim("sites", sites)
                .expiresIn(validity)
                .sign(privateKey);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
