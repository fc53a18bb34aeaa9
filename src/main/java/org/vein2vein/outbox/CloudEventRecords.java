package org.vein2vein.outbox;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Turns outbox rows into Kafka records in CloudEvents 1.0 binary content mode, each on its row's topic. */
final class CloudEventRecords {

    private static final TypeReference<Map<String, String>> EXTENSIONS = new TypeReference<>() {
    };

    private final ObjectMapper mapper;
    private final String source;

    CloudEventRecords(ObjectMapper mapper, String source) {
        this.mapper = mapper;
        this.source = source;
    }

    ProducerRecord<String, byte[]> record(OutboxMessageEntity message) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", message.eventId.toString());
        header(headers, "ce_type", message.eventType);
        header(headers, "ce_source", source);
        header(headers, "ce_subject", message.aggregateId);
        header(headers, "ce_time", DateTimeFormatter.ISO_INSTANT.format(message.occurredAt));
        header(headers, "content-type", "application/json");
        extensions(message).forEach((name, value) -> header(headers, "ce_" + name, value));
        return new ProducerRecord<>(message.topic, null, message.aggregateId,
                message.payload.getBytes(StandardCharsets.UTF_8), headers);
    }

    private Map<String, String> extensions(OutboxMessageEntity message) {
        try {
            return mapper.readValue(message.extensions, EXTENSIONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbox row " + message.id + " has unreadable extensions", e);
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
