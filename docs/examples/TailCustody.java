import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Prints vein2vein custody events as a partner's consumer sees them: key (the COI), CloudEvents
 * headers and JSON data, from the start of the topic; stops once no event has come for the idle
 * period. Needs only the kafka-clients and slf4j-api jars on the class path (see README).
 *
 * Usage: java -cp KAFKA_CLIENT_JARS TailCustody.java [bootstrap-servers] [topic] [idle-seconds]
 */
public class TailCustody {

    public static void main(String[] args) {
        // Kafka logs through SLF4J; with no logging backend on the class path it would say so on every start.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        String servers = args.length > 0 ? args[0] : "127.0.0.1:29192";
        String topic = args.length > 1 ? args[1] : "vein2vein.custody.v1";
        Duration idle = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 15);

        Properties settings = new Properties();
        settings.put("bootstrap.servers", servers);
        settings.put("group.id", "tail-custody-" + ProcessHandle.current().pid());
        settings.put("auto.offset.reset", "earliest");
        settings.put("enable.auto.commit", "false");
        settings.put("key.deserializer", StringDeserializer.class.getName());
        settings.put("value.deserializer", StringDeserializer.class.getName());

        System.err.println("Reading " + topic + " at " + servers + " from the beginning; stopping after " + idle.toSeconds()
                + " s without a new event.");
        long printed = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
            consumer.subscribe(List.of(topic));
            Instant lastEvent = Instant.now();
            while (Duration.between(lastEvent, Instant.now()).compareTo(idle) < 0) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofSeconds(1));
                for (ConsumerRecord<String, String> record : records) {
                    StringBuilder line = new StringBuilder(String.valueOf(record.key()));
                    for (Header header : record.headers()) {
                        line.append(' ').append(header.key()).append('=')
                                .append(new String(header.value(), StandardCharsets.UTF_8));
                    }
                    System.out.println(line.append('\n').append(record.value()));
                    printed++;
                }
                if (!records.isEmpty()) {
                    lastEvent = Instant.now();
                }
            }
        }
        System.err.println(printed == 0
                ? "No event in " + idle.toSeconds() + " s: is the service running, and has it recorded anything? Stopped."
                : "Printed " + printed + " events; none came in the last " + idle.toSeconds()
                        + " s, so stopped. Give a longer idle period as the third argument to keep watching.");
    }
}
