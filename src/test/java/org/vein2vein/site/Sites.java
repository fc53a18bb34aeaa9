package org.vein2vein.site;

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

/** Calls the site registry as an administrator would; each call as an admin of its own, clear of rate limits. */
final class Sites {

    static final String PATH = "/api/v1/sites";
    private static final AtomicInteger ADMINS = new AtomicInteger();

    private Sites() {
    }

    /** A site code no other test uses. */
    static String newCode() {
        return "SITE-T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    static String adminToken() {
        return Tokens.token("admin-site-" + ADMINS.incrementAndGet(), Roles.ADMIN, "VEIN2VEIN", List.of());
    }

    static RequestSpecification asAdmin() {
        return Api.as(adminToken());
    }

    static Map<String, Object> newSite(String code) {
        return Map.of("code", code, "name", "Hospices Civils de Lyon, apheresis unit", "kind", "COLLECTION",
                "organisation", "HOSP-LYON");
    }

    static Map<String, Object> changes(String name, boolean active) {
        return Map.of("name", name, "kind", "TREATMENT", "organisation", "HOSP-LYON", "active", active);
    }

    static ValidatableResponse create(String code) {
        return asAdmin().contentType(ContentType.JSON).body(newSite(code)).post(PATH).then();
    }

    /** PUT with If-Match when {@code ifMatch} is not null. */
    static ValidatableResponse update(String code, String ifMatch, Object body) {
        RequestSpecification request = asAdmin().contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put(PATH + "/{code}", code).then();
    }

    static ValidatableResponse read(String code) {
        return Api.as(Tokens.qa()).get(PATH + "/{code}", code).then();
    }

    /** Rows in the site tables, read with plain JDBC. */
    record Rows(long sites, long revisions) {

        static Rows now() {
            return new Rows(Database.count("SELECT count(*) FROM site"),
                    Database.count("SELECT count(*) FROM site_revision"));
        }
    }

    static long revisionsOf(String code) {
        return Database.count("SELECT count(*) FROM site_revision WHERE site_code = '" + code + "'");
    }
}
