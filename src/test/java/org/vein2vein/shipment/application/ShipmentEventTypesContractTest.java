package org.vein2vein.shipment.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.vein2vein.testing.EventContract;
import org.vein2vein.testing.EventContract.Message;
import org.vein2vein.testing.ShipmentsTopic;

/** The partner stream publishes exactly the shipment event types the Kafka contract documents, by their names. */
class ShipmentEventTypesContractTest {

    @Test
    void thePartnerStreamPublishesExactlyTheDocumentedTypes() {
        EventContract contract = EventContract.load();

        assertThat(contract.messages().stream().filter(message -> message.topic().equals(ShipmentsTopic.TOPIC)))
                .extracting(Message::payloadType).containsExactlyInAnyOrderElementsOf(OutboxPartnerStream.TYPES);
        for (String type : OutboxPartnerStream.TYPES) {
            assertThat(contract.message(OutboxPartnerStream.cloudEventType(type))).as("the message of %s", type)
                    .hasValueSatisfying(message -> assertThat(message.payloadType()).isEqualTo(type));
        }
    }
}
