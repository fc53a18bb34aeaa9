package org.vein2vein.testing;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed digest a ledger event holds in place of a patient's, donor's or recipient's reference,
 * computed independently of the service from the key in its database (see migration V9).
 */
public final class Digests {

    private Digests() {
    }

    public static String of(String reference) {
        try (Connection connection = Database.connect(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select secret from pseudonym_digest_key where id = 1")) {
            row.next();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HexFormat.of().parseHex(row.getString(1)), "HmacSHA256"));
            return "hmac-sha256:" + HexFormat.of().formatHex(mac.doFinal(reference.getBytes(StandardCharsets.UTF_8)));
        } catch (SQLException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
