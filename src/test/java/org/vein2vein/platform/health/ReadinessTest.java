package org.vein2vein.platform.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import org.vein2vein.testing.Api;
import org.vein2vein.testing.TestInfrastructure;

/**
 * Readiness tells whether a replica can serve: it can while PostgreSQL answers, Kafka or not, since
 * the outbox keeps every accepted step. Kafka's state is reported, and has a group of its own for
 * alerts. Every answer comes within seconds and shows no infrastructure address.
 */
@QuarkusTest
class ReadinessTest {

    /** No health answer may take longer: an orchestrator's probe would time out. */
    private static final RestAssuredConfig PROBE = RestAssuredConfig.config().httpClient(
            HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 5_000));

    @AfterEach
    void kafkaIsBackForTheNextTest() {
        if (!TestInfrastructure.kafka().isRunning()) {
            TestInfrastructure.kafka().restart();
        }
    }

    @Test
    void readinessReportsPostgresqlAndKafkaDelivery() {
        given().config(PROBE).get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("database", "outbox"))
                .body("checks.find { it.name == 'database' }.data.postgresql", equalTo("answering"));
    }

    @Test
    void healthAnswersShowNoInfrastructureAddress() {
        URI database = URI.create(TestInfrastructure.jdbcUrl().substring("jdbc:".length()));
        List<String> addresses = List.of(TestInfrastructure.bootstrapServers(), database.getHost() + ":"
                + database.getPort(), "127.0.0.1", "localhost");
        for (String path : List.of("/q/health", "/q/health/ready", "/q/health/live", "/q/health/group/kafka",
                "/q/health/group")) {
            String body = given().config(PROBE).get(path).then().extract().asString();
            for (String address : addresses) {
                assertThat(body).as("%s", path).doesNotContain(address);
            }
        }
    }

    @Test
    void withKafkaDownAReplicaStaysReadyAndTheKafkaGroupIsDown() {
        String coi = Api.registerAutologous("PSN-READY-01");
        TestInfrastructure.kafka().stop();
        Api.logStep(coi, "COLLECTED").statusCode(201);

        await().atMost(Duration.ofSeconds(30)).until(() -> kafkaGroup().statusCode() == 503);
        Response kafkaGroup = kafkaGroup();
        assertThat(kafkaGroup.jsonPath().getString("status")).isEqualTo("DOWN");
        assertThat(check(kafkaGroup.jsonPath(), "kafka-delivery")).containsEntry("kafka", "unreachable")
                .containsKey("kafkaSince");

        Response ready = given().config(PROBE).get("/q/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.jsonPath().getString("status")).isEqualTo("UP");
        Map<String, Object> outbox = check(ready.jsonPath(), "outbox");
        assertThat(outbox).containsEntry("kafka", "unreachable").containsEntry("relay", "running");
        assertThat(((Number) outbox.get("pendingMessages")).longValue()).isPositive();
        assertThat(outbox).containsKey("oldestPendingAge");

        TestInfrastructure.kafka().restart();
        await().atMost(Duration.ofSeconds(30)).until(() -> kafkaGroup().statusCode() == 200);
        assertThat(check(kafkaGroup().jsonPath(), "kafka-delivery")).containsEntry("kafka", "reachable");
    }

    private static Response kafkaGroup() {
        return given().config(PROBE).get("/q/health/group/kafka");
    }

    private static Map<String, Object> check(JsonPath answer, String name) {
        return answer.getMap("checks.find { it.name == '" + name + "' }.data");
    }
}
