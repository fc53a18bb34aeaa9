package org.vein2vein.shipment.temperature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Generated hostile uploads: a valid upload with one to three of its members removed, replaced by a value no
 * member accepts, or joined by an unknown one, or its bytes cut short. Each must be refused with a 4xx
 * problem, and no reading stored. The seed is printed; rerun one with {@code -Dhostile.seed=<seed>}.
 */
@QuarkusTest
class HostileUploadTest {

    private static final long SEED = Long.getLong("hostile.seed", 20_261_126L);
    private static final int CASES = 150;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /**
     * Values no member of an upload accepts: wrong shape, out of range or precision, an array far longer than
     * the readings may be, or unreadable text.
     */
    private static final List<Supplier<JsonNode>> HOSTILE_VALUES = List.of(
            NODES::nullNode,
            () -> NODES.numberNode(new BigDecimal("1e1000")),
            () -> NODES.numberNode(new BigDecimal("1e999999999")),
            () -> NODES.numberNode(new BigDecimal("-1e999999999")),
            () -> NODES.numberNode(new BigDecimal("1e-999999999")),
            () -> NODES.numberNode(new BigDecimal("0.00001")),
            HostileUploadTest::oversizedArray,
            () -> NODES.textNode("\u0000"),
            () -> NODES.textNode("\uD83D\uDC89".repeat(2_000)),
            () -> NODES.objectNode().put("$where", "1"),
            () -> NODES.arrayNode().add(NODES.arrayNode()),
            () -> NODES.textNode("<script>alert(1)</script>"),
            () -> NODES.textNode("'; DROP TABLE temperature_reading; --"));

    @TestFactory
    Stream<DynamicTest> uploadingReadings() {
        Random random = new Random(SEED);
        System.out.printf("Hostile temperature uploads from seed %d (rerun with -Dhostile.seed=%d)%n", SEED, SEED);
        Instant packedAt = Shipments.packingTime();
        String shipment = Shipments.packed(packedAt);
        ObjectNode valid = valid(packedAt);
        return IntStream.range(0, CASES).mapToObj(i -> hostile(random, valid, i))
                .map(body -> asTest(shipment, body, () -> Shipments.upload(Shipments.courier(), shipment,
                        new String(body.bytes(), StandardCharsets.UTF_8))));
    }

    private static ObjectNode valid(Instant packedAt) {
        ObjectNode body = NODES.objectNode().put("loggerId", Shipments.newLogger("LOG-H"));
        ArrayNode readings = body.putArray("readings");
        for (int i = 0; i < 3; i++) {
            readings.addObject().put("at", packedAt.plusSeconds(1_200L + 60L * i).toString())
                    .put("celsius", new BigDecimal("-185.00"));
        }
        return body;
    }

    private static DynamicTest asTest(String shipment, Hostile body, Supplier<Response> send) {
        return dynamicTest(body.name(), () -> {
            Response response = send.get();
            String answer = response.asString();
            String context = body.name() + " (seed " + SEED + ") answered " + response.statusCode() + " "
                    + (answer.length() > 300 ? answer.substring(0, 300) : answer);
            assertThat(response.statusCode()).as(context).isBetween(400, 499);
            assertThat(response.contentType()).as(context).startsWith("application/problem+json");
            assertThat(JSON.readTree(answer).path("type").asText()).as(context).startsWith("urn:vein2vein:problem:");
            assertThat(answer).as(context).doesNotContain("java.", "jakarta.", "com.fasterxml", "org.hibernate")
                    .hasSizeLessThan(4_000);
            assertThat(Shipments.storedReadings(shipment)).as("readings after " + context).isZero();
        });
    }

    private static Hostile hostile(Random random, ObjectNode valid, int index) {
        ObjectNode body = valid.deepCopy();
        List<String> applied = new ArrayList<>();
        for (int i = 0, mutations = 1 + random.nextInt(3); i < mutations; i++) {
            applied.add(mutate(random, body));
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(5) == 0) {
            int cut = 1 + random.nextInt(bytes.length - 1);
            bytes = Arrays.copyOf(bytes, cut);
            applied.add("cut at byte " + cut);
        }
        return new Hostile("#" + index + " " + String.join(", ", applied), bytes);
    }

    /** Mutates one member somewhere in the body, found by a random walk from the root. */
    private static String mutate(Random random, ObjectNode body) {
        JsonNode container = body;
        String path = "";
        while (true) {
            List<String> names = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> fields = container.fields();
            fields.forEachRemaining(entry -> names.add(entry.getKey()));
            int size = container.isObject() ? names.size() : container.size();
            if (size == 0) {
                break;
            }
            int pick = random.nextInt(size);
            JsonNode child = container.isObject() ? container.get(names.get(pick)) : container.get(pick);
            String childPath = path + (container.isObject() ? "/" + names.get(pick) : "/" + pick);
            if (child.isContainerNode() && child.size() > 0 && random.nextInt(3) > 0) {
                container = child;
                path = childPath;
                continue;
            }
            if (container.isObject() && random.nextInt(4) == 0) {
                ((ObjectNode) container).remove(names.get(pick));
                return "removed " + childPath;
            }
            JsonNode value = HOSTILE_VALUES.get(random.nextInt(HOSTILE_VALUES.size())).get();
            if (container.isObject()) {
                ((ObjectNode) container).set(names.get(pick), value);
            } else {
                ((ArrayNode) container).set(pick, value);
            }
            return "replaced " + childPath + " with " + abbreviated(value);
        }
        if (container.isObject()) {
            ((ObjectNode) container).put("unexpected", "member");
            return "added " + path + "/unexpected";
        }
        ((ArrayNode) container).addNull();
        return "added null to " + path;
    }

    /** 100,000 empty objects (300 KB): ten times as many readings as an upload may hold. */
    private static JsonNode oversizedArray() {
        ArrayNode items = NODES.arrayNode();
        for (int i = 0; i < 100_000; i++) {
            items.addObject();
        }
        return items;
    }

    private static String abbreviated(JsonNode value) {
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    private record Hostile(String name, byte[] bytes) {
    }
}
