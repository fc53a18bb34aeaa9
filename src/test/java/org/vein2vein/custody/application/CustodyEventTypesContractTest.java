package org.vein2vein.custody.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.vein2vein.custody.domain.CustodyEventType;
import org.vein2vein.testing.CustodyTopic;
import org.vein2vein.testing.EventContract;

/** Every type of custody event the ledger can append is a message of the Kafka contract, by the name it is given. */
class CustodyEventTypesContractTest {

    @Test
    void everyCustodyEventTypeIsDocumentedOnTheCustodyTopic() {
        EventContract contract = EventContract.load();

        for (CustodyEventType type : CustodyEventType.values()) {
            assertThat(contract.message(Ledger.cloudEventType(type))).as("the message of %s", type)
                    .hasValueSatisfying(message -> {
                        assertThat(message.topic()).isEqualTo(CustodyTopic.TOPIC);
                        assertThat(message.payloadType()).isEqualTo(type.name());
                    });
        }
    }
}
