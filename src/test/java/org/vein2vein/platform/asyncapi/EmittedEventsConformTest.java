package org.vein2vein.platform.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.quarkus.logging.Log;
import io.quarkus.test.junit.QuarkusTest;

import org.vein2vein.testing.CustodyTopic;
import org.vein2vein.testing.Database;
import org.vein2vein.testing.EventContract;
import org.vein2vein.testing.EventContract.Message;
import org.vein2vein.testing.KafkaTopic;
import org.vein2vein.testing.ShipmentsTopic;

/**
 * Every event the other tests made the service publish, on both topics, conforms to the Kafka contract
 * ({@code openapi/asyncapi.yaml}): its {@code ce_type} names a message of the topic, and its key, headers
 * and data pass that message's schemas. Ordered after every other test class that shares its start of
 * the service and so its broker ({@link org.vein2vein.testing.ByOrderThenName}); the classes with a test
 * profile of their own run on a broker of their own, which this test does not see.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE)
class EmittedEventsConformTest {

    @Test
    void everyEventPublishedDuringTheTestsConformsToTheContract() {
        EventContract contract = EventContract.load();
        await().atMost(Duration.ofSeconds(60)).until(() -> Database.count(
                "select count(*) from outbox_message where published_at is null") == 0);

        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Records> problems = new LinkedHashMap<>();
        for (String topic : List.of(CustodyTopic.TOPIC, ShipmentsTopic.TOPIC)) {
            try (KafkaTopic records = new KafkaTopic(topic)) {
                for (ConsumerRecord<String, String> record : records.readToTheEnd()) {
                    Map<String, String> headers = headers(record);
                    counts.merge(topic + " " + headers.get("ce_type"), 1, Integer::sum);
                    String where = topic + "-" + record.partition() + "@" + record.offset();
                    contract.problems(topic, record.key(), headers, record.value()).forEach(problem -> problems
                            .merge(headers.get("ce_type") + ": " + problem, new Records(1, where), Records::plus));
                }
            }
        }
        Log.infof("Events the tests made the service publish, by topic and type: %s", counts);

        assertThat(problems).as("problems, each with how many records have it and the first (topic-partition@offset)")
                .isEmpty();
        Set<String> published = counts.keySet().stream().map(key -> key.substring(key.indexOf(' ') + 1))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = contract.messages().stream().map(Message::name)
                .collect(Collectors.toCollection(TreeSet::new));
        // Every documented type is proven by at least one record the suite made the service publish.
        assertThat(published).as("types the tests made the service publish").containsAll(documented);
    }

    /** How many records have a problem, and the first of them. */
    private record Records(int count, String first) {

        Records plus(Records more) {
            return new Records(count + more.count, first);
        }
    }

    /** The record's headers; a header given twice is kept twice, under a name no schema allows. */
    private static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            String value = new String(header.value(), StandardCharsets.UTF_8);
            if (headers.putIfAbsent(header.key(), value) != null) {
                headers.put(header.key() + " (again)", value);
            }
        }
        return headers;
    }
}
