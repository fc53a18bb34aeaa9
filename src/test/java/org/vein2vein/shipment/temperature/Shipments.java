package org.vein2vein.shipment.temperature;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import org.vein2vein.platform.security.Roles;
import org.vein2vein.testing.Api;
import org.vein2vein.testing.Database;
import org.vein2vein.testing.Tokens;

/**
 * Shipments written straight into table {@code shipment}, as the shipment core will write them, and the
 * calls of the temperature API made on them; every caller is one of its own, clear of rate limits.
 */
final class Shipments {

    static final String ORIGIN = "SITE-LYON-01";
    static final String DESTINATION = "MFG-GENT-01";
    static final String COURIER = "CRYO-COURIER-1";
    static final String CRYO = "CRYO_AT_OR_BELOW_MINUS_150_C";
    static final String FRESH = "FRESH_2_TO_8_C";
    /** How a shipment missing, or not the caller's, is answered; the shipment core may give it a type of its own. */
    static final String NOT_FOUND_TYPE = "urn:vein2vein:problem:shipment-not-found";

    /** Numbers as the service wrote them: -140.00 stays -140.00. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private static final String ID_CHARACTERS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final Random RANDOM = new Random();
    private static final AtomicInteger CALLERS = new AtomicInteger();

    private Shipments() {
    }

    /** A whole hour two days ago: buckets of whole minutes line up with it, and it lies well in the past. */
    static Instant packingTime() {
        return Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
    }

    /**
     * A logger id no other test uses: a logger's reading at one time is stored once, whichever shipment it is
     * sent for, and the tests' shipments are packed at the same hour.
     */
    static String newLogger(String prefix) {
        return prefix + "-" + newId().substring(4);
    }

    static String newId() {
        StringBuilder id = new StringBuilder("SHP-");
        for (int i = 0; i < 12; i++) {
            id.append(ID_CHARACTERS.charAt(RANDOM.nextInt(ID_CHARACTERS.length())));
        }
        return id.toString();
    }

    /** A cryopreserved shipment from Lyon to Gent with courier {@link #COURIER}, packed at {@code packedAt}. */
    static String packed(Instant packedAt) {
        return insert("PACKED", CRYO, packedAt, null);
    }

    static String insert(String status, String temperatureClass, Instant packedAt, Instant receivedAt) {
        String id = newId();
        try (Connection connection = Database.connect(); PreparedStatement insert = connection.prepareStatement("""
                insert into shipment (id, origin_site, destination_site, courier, shipper_id, temperature_class, leg,
                    status, custodian, planned_pickup_at, planned_arrival_at, packed_at, received_at, created_by_id,
                    created_by_org, created_at, version)
                values (?, ?, ?, ?, 'DS-TEST-1', ?, 'TO_TREATMENT_SITE', ?, 'HOSP-LYON', ?, ?, ?, ?, 'tech-test',
                    'HOSP-LYON', ?, 1)""")) {
            Instant planned = packedAt == null ? Instant.now() : packedAt;
            insert.setString(1, id);
            insert.setString(2, ORIGIN);
            insert.setString(3, DESTINATION);
            insert.setString(4, COURIER);
            insert.setString(5, temperatureClass);
            insert.setString(6, status);
            insert.setTimestamp(7, Timestamp.from(planned));
            insert.setTimestamp(8, Timestamp.from(planned.plusSeconds(86_400)));
            insert.setTimestamp(9, packedAt == null ? null : Timestamp.from(packedAt));
            insert.setTimestamp(10, receivedAt == null ? null : Timestamp.from(receivedAt));
            insert.setTimestamp(11, Timestamp.from(planned.minusSeconds(3_600)));
            insert.executeUpdate();
            putAUnitOnBoard(connection, id, !"RECEIVED".equals(status));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    /** A shipment always carries a unit: a freshly collected batch's material, registered through the API. */
    private static void putAUnitOnBoard(Connection connection, String shipmentId, boolean open) throws SQLException {
        String coi = Api.registerAutologous("PSN-TEMP-" + CALLERS.incrementAndGet());
        Api.advance(coi, "COLLECTED");
        String unit = org.vein2vein.testing.Shipping.materialOf(coi).get(0);
        try (PreparedStatement board = connection.prepareStatement(
                "insert into shipment_unit (shipment_id, unit_id, coi, open) values (?, ?, ?, ?)")) {
            board.setString(1, shipmentId);
            board.setString(2, unit);
            board.setString(3, coi);
            board.setBoolean(4, open);
            board.executeUpdate();
        }
    }

    static String courier() {
        return Tokens.token("courier-" + CALLERS.incrementAndGet(), Roles.LOGISTICS, COURIER, List.of());
    }

    static String otherCourier() {
        return Tokens.token("courier-" + CALLERS.incrementAndGet(), Roles.LOGISTICS, "FROST-EXPRESS", List.of());
    }

    static String technicianAt(String site) {
        return Tokens.token("tech-" + CALLERS.incrementAndGet(), Roles.TECHNICIAN, "HOSP-LYON", List.of(site));
    }

    static String qa() {
        return Tokens.token("qa-" + CALLERS.incrementAndGet(), Roles.QA, "VEIN2VEIN-QA", List.of());
    }

    static String admin() {
        return Tokens.token("admin-" + CALLERS.incrementAndGet(), Roles.ADMIN, "VEIN2VEIN", List.of());
    }

    static Response upload(String token, String shipmentId, String body) {
        return Api.as(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/shipments/{id}/temperature-readings", shipmentId);
    }

    /** An upload body, written as compactly as a logger's gateway would. */
    static String body(String loggerId, List<Instant> times, List<BigDecimal> celsius) {
        StringBuilder body = new StringBuilder(64 + times.size() * 48).append("{\"loggerId\":\"").append(loggerId)
                .append("\",\"readings\":[");
        for (int i = 0; i < times.size(); i++) {
            body.append(i == 0 ? "" : ",").append("{\"at\":\"").append(times.get(i)).append("\",\"celsius\":")
                    .append(celsius.get(i).toPlainString()).append('}');
        }
        return body.append("]}").toString();
    }

    /** Readings every {@code stepSeconds} from {@code from}, all at {@code celsius}. */
    static String steady(String loggerId, Instant from, int count, long stepSeconds, String celsius) {
        List<Instant> times = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            times.add(from.plusSeconds(i * stepSeconds));
        }
        return body(loggerId, times, Collections.nCopies(count, new BigDecimal(celsius)));
    }

    static Response read(String token, String shipmentId, String query) {
        return Api.as(token).get("/api/v1/shipments/" + shipmentId + "/temperature-readings" + query);
    }

    static Response summary(String token, String shipmentId) {
        return Api.as(token).get("/api/v1/shipments/{id}/temperature-summary", shipmentId);
    }

    /** The answer's body as JSON, its numbers exact. */
    static JsonNode json(Response response) {
        try {
            return JSON.readTree(response.asString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A reading as a test writes it: minutes (and seconds) after {@code start}. */
    static String reading(Instant start, int minutes, int seconds, String celsius) {
        return "{\"at\":\"" + start.plusSeconds(60L * minutes + seconds) + "\",\"celsius\":" + celsius + "}";
    }

    /** An upload body of readings written with {@link #reading}. */
    static String uploadOf(String loggerId, String... readings) {
        return "{\"loggerId\":\"" + loggerId + "\",\"readings\":[" + String.join(",", readings) + "]}";
    }

    static long storedReadings(String shipmentId) {
        return Database.count("select count(*) from temperature_reading where shipment_id = '" + shipmentId + "'");
    }

    static long excursions(String shipmentId) {
        return Database.count("select count(*) from temperature_excursion where shipment_id = '" + shipmentId + "'");
    }
}
