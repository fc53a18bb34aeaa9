package org.vein2vein.shipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import org.vein2vein.shipment.application.PartnerStream;
import org.vein2vein.shipment.application.ShipmentEventMessage;
import org.vein2vein.testing.ShipmentEvents;
import org.vein2vein.testing.ShipmentsTopic;

/**
 * What a logistics partner reads on the shipments topic: each shipment event the shipment slice
 * publishes in its transaction, as a CloudEvent keyed by shipment id, for the shipment's courier.
 */
@QuarkusTest
class PartnerStreamTest {

    private final ObjectMapper json = new ObjectMapper();

    @Inject
    PartnerStream partnerStream;

    @Test
    void eachEventReachesTheShipmentsTopicAsACloudEventForItsCourierInOrder() throws Exception {
        String shipment = ShipmentEvents.newShipmentId();
        List<ShipmentEventMessage> journey = ShipmentEvents.journey(shipment,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        for (ShipmentEventMessage event : journey) {
            QuarkusTransaction.requiringNew().run(() -> partnerStream.publish(event));
        }

        List<ConsumerRecord<String, String>> records;
        try (ShipmentsTopic topic = new ShipmentsTopic()) {
            records = topic.awaitRecords(shipment, journey.size());
        }

        assertThat(records).hasSize(journey.size());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < journey.size(); i++) {
            ShipmentEventMessage event = journey.get(i);
            ConsumerRecord<String, String> record = records.get(i);
            Map<String, String> headers = headers(record);
            assertThat(record.key()).isEqualTo(shipment);
            assertThat(headers).as("headers of %s", event.type()).containsOnlyKeys("ce_specversion", "ce_id", "ce_type",
                    "ce_source", "ce_subject", "ce_time", "content-type", "ce_partner")
                    .containsEntry("ce_specversion", "1.0")
                    .containsEntry("ce_source", "urn:vein2vein:custody-ledger")
                    .containsEntry("ce_subject", shipment)
                    .containsEntry("ce_time", event.occurredAt().toString())
                    .containsEntry("content-type", "application/json")
                    .containsEntry("ce_partner", ShipmentEvents.COURIER);
            ids.add(UUID.fromString(headers.get("ce_id")).toString());
            JsonNode data = json.readTree(record.value());
            assertThat(data.get("sequence").asLong()).as("in the order published").isEqualTo(event.sequence());
            assertThat(data.get("type").asText()).isEqualTo(event.type());
        }
        assertThat(ids).as("one ce_id per event").doesNotHaveDuplicates();
        assertThat(records).extracting(record -> headers(record).get("ce_type")).containsExactly(
                "org.vein2vein.shipment.planned.v1", "org.vein2vein.shipment.packed.v1",
                "org.vein2vein.shipment.handover-released.v1", "org.vein2vein.shipment.handover-accepted.v1",
                "org.vein2vein.shipment.temperature-excursion.v1", "org.vein2vein.shipment.handover-released.v1",
                "org.vein2vein.shipment.received.v1", "org.vein2vein.shipment.handover-accepted.v1");
    }

    @Test
    void theDataIsTheEventWithEmptyOptionalFieldsLeftOut() throws Exception {
        String shipment = ShipmentEvents.newShipmentId();
        ShipmentEventMessage planned = ShipmentEvents.planned(shipment, Instant.parse("2026-11-25T08:00:00Z"));
        ShipmentEventMessage untracked = new ShipmentEventMessage(shipment, 1, "PLANNED", planned.occurredAt(),
                "PLANNED", planned.originSite(), planned.destinationSite(), planned.courier(), planned.custodian(),
                Optional.empty(), planned.temperatureClass(), planned.units(), Optional.empty(), Optional.empty(),
                Optional.empty());
        ShipmentEventMessage excursion = ShipmentEvents.journey(shipment, planned.occurredAt()).get(4);

        QuarkusTransaction.requiringNew().run(() -> {
            partnerStream.publish(untracked);
            partnerStream.publish(excursion);
        });

        List<ConsumerRecord<String, String>> records;
        try (ShipmentsTopic topic = new ShipmentsTopic()) {
            records = topic.awaitRecords(shipment, 2);
        }
        String coi = planned.units().get(0).coi();
        assertThat(json.readTree(records.get(0).value())).isEqualTo(json.readTree("""
                {"shipmentId": "%s", "sequence": 1, "type": "PLANNED", "occurredAt": "2026-11-25T08:00:00Z",
                 "status": "PLANNED", "originSite": "SITE-LYON-01", "destinationSite": "MFG-GENT-01",
                 "courier": "CRYO-COURIER-1", "custodian": "HOSP-LYON",
                 "temperatureClass": "CRYO_AT_OR_BELOW_MINUS_150_C",
                 "units": [{"coi": "%s", "unitId": "%s-B1"}, {"coi": "%s", "unitId": "%s-B2"}]}"""
                .formatted(shipment, coi, coi, coi, coi)));
        JsonNode excursionData = json.readTree(records.get(1).value());
        assertThat(excursionData.get("temperature")).isEqualTo(json.readTree("""
                {"celsius": -131.5, "from": "2026-11-25T11:00:00Z", "to": "2026-11-25T11:10:00Z",
                 "loggerId": "LOG-7731"}"""));
        assertThat(excursionData.get("trackingNumber").asText()).isEqualTo("1Z999AA10123456784");
        assertThat(excursionData.has("handover")).isFalse();
        assertThat(excursionData.has("condition")).isFalse();
    }

    @Test
    void aTransitionRolledBackPublishesNothing() {
        String shipment = ShipmentEvents.newShipmentId();
        List<ShipmentEventMessage> journey = ShipmentEvents.journey(shipment, Instant.now());
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            partnerStream.publish(journey.get(0));
            throw new IllegalStateException("the transition failed after its event was published");
        })).isInstanceOf(IllegalStateException.class);

        QuarkusTransaction.requiringNew().run(() -> partnerStream.publish(journey.get(1)));

        try (ShipmentsTopic topic = new ShipmentsTopic()) {
            // Both would be in one partition, the rolled-back one first: once the second is there, the first is not.
            assertThat(topic.awaitRecords(shipment, 1)).singleElement()
                    .satisfies(record -> assertThat(headers(record).get("ce_type"))
                            .isEqualTo("org.vein2vein.shipment.packed.v1"));
        }
    }

    @Test
    void aTimeFinerThanTheMicrosecondIsRefused() {
        ShipmentEventMessage planned = ShipmentEvents.planned(ShipmentEvents.newShipmentId(), Instant.now());
        ShipmentEventMessage nanos = new ShipmentEventMessage(planned.shipmentId(), 1, "PLANNED",
                planned.occurredAt().plusNanos(1), planned.status(), planned.originSite(), planned.destinationSite(),
                planned.courier(), planned.custodian(), planned.trackingNumber(), planned.temperatureClass(),
                planned.units(), Optional.empty(), Optional.empty(), Optional.empty());

        // ce_time, kept to the microsecond, would differ from the data's occurredAt.
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> partnerStream.publish(nanos)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("microsecond");
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        ShipmentEventMessage planned = ShipmentEvents.planned(ShipmentEvents.newShipmentId(), Instant.now());

        assertThatThrownBy(() -> partnerStream.publish(planned)).isInstanceOf(TransactionalException.class);
    }

    @Test
    void aTypeTheContractDoesNotNameIsRefused() {
        ShipmentEventMessage planned = ShipmentEvents.planned(ShipmentEvents.newShipmentId(), Instant.now());
        ShipmentEventMessage lost = new ShipmentEventMessage(planned.shipmentId(), 2, "LOST", planned.occurredAt(),
                planned.status(), planned.originSite(), planned.destinationSite(), planned.courier(),
                planned.custodian(), planned.trackingNumber(), planned.temperatureClass(), planned.units(),
                Optional.empty(), Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> partnerStream.publish(lost)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LOST");
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new TreeMap<>();
        for (Header header : record.headers()) {
            assertThat(headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8)))
                    .as("header %s once", header.key()).isNull();
        }
        return headers;
    }
}
