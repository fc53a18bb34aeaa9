import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Prints vein2vein custody events as a partner's consumer sees them: key (the COI), CloudEvents
 * headers and JSON data. Run with the kafka-clients jar on the class path (see README).
 *
 * Usage: java -cp KAFKA_CLIENTS_JARS TailCustody.java [bootstrap-servers] [topic]
 */
public class TailCustody {

    public static void main(String[] args) {
        Properties settings = new Properties();
        settings.put("bootstrap.servers", args.length > 0 ? args[0] : "127.0.0.1:29192");
        settings.put("group.id", "tail-custody-" + ProcessHandle.current().pid());
        settings.put("auto.offset.reset", "earliest");
        settings.put("key.deserializer", StringDeserializer.class.getName());
        settings.put("value.deserializer", StringDeserializer.class.getName());
        String topic = args.length > 1 ? args[1] : "vein2vein.custody.v1";
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
            consumer.subscribe(List.of(topic));
            while (true) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    StringBuilder line = new StringBuilder(record.key());
                    for (Header header : record.headers()) {
                        line.append(' ').append(header.key()).append('=')
                                .append(new String(header.value(), StandardCharsets.UTF_8));
                    }
                    System.out.println(line.append('\n').append(record.value()));
                }
            }
        }
    }
}
