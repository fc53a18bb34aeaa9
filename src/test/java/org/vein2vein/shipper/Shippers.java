package org.vein2vein.shipper;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import org.vein2vein.platform.security.Roles;
import org.vein2vein.testing.Api;
import org.vein2vein.testing.Database;
import org.vein2vein.testing.Tokens;

/** Calls the shipper registry as an administrator would; each call as an admin of its own, clear of rate limits. */
final class Shippers {

    static final String PATH = "/api/v1/shippers";
    private static final AtomicInteger ADMINS = new AtomicInteger();

    private Shippers() {
    }

    /** A shipper id no other test uses. */
    static String newId() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    static String adminToken() {
        return Tokens.token("admin-shipper-" + ADMINS.incrementAndGet(), Roles.ADMIN, "VEIN2VEIN", List.of());
    }

    static RequestSpecification asAdmin() {
        return Api.as(adminToken());
    }

    /** A dry shipper qualified until mid-2030, validated for ten days. */
    static Map<String, Object> newShipper(String id) {
        return Map.of("id", id, "type", "DRY_SHIPPER", "qualifiedUntil", "2030-06-30T00:00:00Z",
                "validatedHoldTime", "P10D");
    }

    /** The values of a requalification: a year more, with the hold time the new report states. */
    static Map<String, Object> changes(String validatedHoldTime, boolean active) {
        return Map.of("type", "DRY_SHIPPER", "qualifiedUntil", "2031-06-30T00:00:00Z",
                "validatedHoldTime", validatedHoldTime, "active", active);
    }

    static ValidatableResponse create(Object body) {
        return asAdmin().contentType(ContentType.JSON).body(body).post(PATH).then();
    }

    static ValidatableResponse create(String id) {
        return create(newShipper(id));
    }

    /** PUT with If-Match when {@code ifMatch} is not null. */
    static ValidatableResponse update(String id, String ifMatch, Object body) {
        RequestSpecification request = asAdmin().contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put(PATH + "/{id}", id).then();
    }

    static ValidatableResponse read(String id) {
        return Api.as(Tokens.qa()).get(PATH + "/{id}", id).then();
    }

    static long revisionsOf(String id) {
        return Database.count("SELECT count(*) FROM shipper_revision WHERE shipper_id = '" + id + "'");
    }

    /** Rows in the shipper tables, read with plain JDBC. */
    record Rows(long shippers, long revisions) {

        static Rows now() {
            return new Rows(Database.count("SELECT count(*) FROM shipper"),
                    Database.count("SELECT count(*) FROM shipper_revision"));
        }
    }
}
