package org.vein2vein.testing;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.vein2vein.kernel.Coi;
import org.vein2vein.shipment.application.ShipmentEventMessage;
import org.vein2vein.shipment.application.ShipmentEventMessage.Handover;
import org.vein2vein.shipment.application.ShipmentEventMessage.Temperature;
import org.vein2vein.shipment.application.ShipmentEventMessage.UnitOnBoard;

/**
 * Shipment events as the shipment slice publishes them on the partner stream: one shipment of
 * cryopreserved bags from the Lyon hospital to the Gent manufacturer with the test courier.
 */
public final class ShipmentEvents {

    public static final String COURIER = "CRYO-COURIER-1";
    public static final String ORIGIN_SITE = "SITE-LYON-01";
    public static final String ORIGIN = "HOSP-LYON";
    public static final String DESTINATION_SITE = "MFG-GENT-01";
    public static final String DESTINATION = "MFG-GENT";
    private static final String ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final RandomGenerator RANDOM = new SecureRandom();

    private ShipmentEvents() {
    }

    /** A new shipment id, shaped as the service assigns them. */
    public static String newShipmentId() {
        StringBuilder id = new StringBuilder("SHP-");
        for (int i = 0; i < 12; i++) {
            id.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return id.toString();
    }

    /**
     * The shipment's journey, one event of each type, in order: planned and packed at the origin,
     * handed to the courier, an excursion in transit, handed to the destination, received there. Times
     * are kept to the microsecond, as the service keeps them.
     */
    public static List<ShipmentEventMessage> journey(String shipmentId, Instant planned) {
        Instant plannedAt = planned.truncatedTo(ChronoUnit.MICROS);
        List<UnitOnBoard> units = unitsOfANewBatch();
        Handover toCourier = new Handover(1, ORIGIN, Optional.of(ORIGIN_SITE), COURIER, Optional.empty(),
                Optional.of("LYS-CARGO-BAY-B"));
        Handover toDestination = new Handover(2, COURIER, Optional.empty(), DESTINATION, Optional.of(DESTINATION_SITE),
                Optional.empty());
        Instant packedAt = plannedAt.plusSeconds(3_600);
        return List.of(
                event(shipmentId, 1, "PLANNED", plannedAt, "PLANNED", ORIGIN, units, Optional.empty(),
                        Optional.empty(), Optional.empty()),
                event(shipmentId, 2, "PACKED", packedAt, "PACKED", ORIGIN, units, Optional.empty(), Optional.empty(),
                        Optional.empty()),
                event(shipmentId, 3, "HANDOVER_RELEASED", packedAt.plusSeconds(600), "PACKED", ORIGIN, units,
                        Optional.of(toCourier), Optional.empty(), Optional.empty()),
                event(shipmentId, 4, "HANDOVER_ACCEPTED", packedAt.plusSeconds(660), "PICKED_UP", COURIER, units,
                        Optional.of(toCourier), Optional.empty(), Optional.of("INTACT")),
                event(shipmentId, 5, "TEMPERATURE_EXCURSION", packedAt.plusSeconds(7_200), "PICKED_UP", COURIER, units,
                        Optional.empty(), Optional.of(new Temperature(new BigDecimal("-131.5"),
                                Optional.of(packedAt.plusSeconds(7_200)), Optional.of(packedAt.plusSeconds(7_800)),
                                Optional.of("LOG-7731"))), Optional.empty()),
                event(shipmentId, 6, "HANDOVER_RELEASED", packedAt.plusSeconds(21_600), "DELIVERED", COURIER, units,
                        Optional.of(toDestination), Optional.empty(), Optional.empty()),
                event(shipmentId, 7, "RECEIVED", packedAt.plusSeconds(22_200), "RECEIVED", DESTINATION, units,
                        Optional.empty(), Optional.of(new Temperature(new BigDecimal("-162.25"), Optional.empty(),
                                Optional.empty(), Optional.of("LOG-7731"))), Optional.of("INTACT")),
                event(shipmentId, 8, "HANDOVER_ACCEPTED", packedAt.plusSeconds(22_200), "RECEIVED", DESTINATION, units,
                        Optional.of(toDestination), Optional.empty(), Optional.of("INTACT")));
    }

    /** The first event of a shipment. */
    public static ShipmentEventMessage planned(String shipmentId, Instant at) {
        return journey(shipmentId, at).get(0);
    }

    private static ShipmentEventMessage event(String shipmentId, long sequence, String type, Instant at, String status,
            String custodian, List<UnitOnBoard> units, Optional<Handover> handover, Optional<Temperature> temperature,
            Optional<String> condition) {
        return new ShipmentEventMessage(shipmentId, sequence, type, at, status, ORIGIN_SITE, DESTINATION_SITE, COURIER,
                custodian, Optional.of("1Z999AA10123456784"), "CRYO_AT_OR_BELOW_MINUS_150_C", units, handover,
                temperature, condition);
    }

    private static List<UnitOnBoard> unitsOfANewBatch() {
        String coi = Coi.random().value();
        return List.of(new UnitOnBoard(coi, coi + "-B1"), new UnitOnBoard(coi, coi + "-B2"));
    }
}
