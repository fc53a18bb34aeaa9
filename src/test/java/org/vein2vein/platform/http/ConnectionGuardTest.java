package org.vein2vein.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;

/**
 * The guard of one connection, between Netty's HTTP codec and a stand-in for Vert.x, on a clock the
 * test moves by hand. The tests through real sockets are in SlowAndMalformedRequestsTest.
 */
class ConnectionGuardTest {

    private static final Duration HEADER_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration BODY_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_LINE = 256;
    private static final int MAX_HEADERS = 1024;
    private static final int MAX_BODY = 2048;

    private final ObjectMapper json = new ObjectMapper();
    /** What reaches Vert.x's place in the pipeline. */
    private final List<Object> passedOn = new ArrayList<>();
    private EmbeddedChannel connection;

    @BeforeEach
    void openConnection() {
        connection = new EmbeddedChannel();
        connection.pipeline()
                .addLast("httpDecoder", new HttpRequestDecoder(MAX_LINE, MAX_HEADERS, 8192))
                .addLast("httpEncoder", new HttpResponseEncoder())
                .addLast("guard", new ConnectionGuard(new ConnectionRefusals(json, MAX_LINE, MAX_HEADERS, MAX_BODY,
                        HEADER_TIMEOUT, BODY_TIMEOUT), HEADER_TIMEOUT.toNanos(), BODY_TIMEOUT.toNanos()))
                .addLast("handler", new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        passedOn.add(msg instanceof HttpContent content ? content.content().readableBytes() : msg);
                        ReferenceCountUtil.release(msg);
                    }
                });
    }

    @Test
    void aHeadTrickledPastTheDeadlineIsAnswered408AndTheConnectionClosed() {
        send("POST /api/v1/batches HTTP/1.1\r\nHost: vein2vein\r\n");
        for (int second = 0; second < 9; second++) {
            elapse(Duration.ofSeconds(1));
            send("X");
        }
        assertThat(connection.isOpen()).isTrue();

        elapse(Duration.ofSeconds(1));

        JsonNode problem = answeredWith(408);
        assertThat(problem.get("type").asText()).isEqualTo("urn:vein2vein:problem:request-timeout");
        assertThat(problem.get("detail").asText()).contains("10 seconds");
        assertThat(connection.isOpen()).isFalse();
        assertThat(passedOn).isEmpty();
    }

    @Test
    void anIdleConnectionIsClosedWithoutAnAnswer() {
        elapse(HEADER_TIMEOUT);

        assertThat(connection.isOpen()).isFalse();
        assertThat((Object) connection.readOutbound()).isNull();
    }

    @Test
    void aRequestThatArrivesInTimeIsPassedOnAndNotTimedWhileItIsAnswered() {
        send("GET /api/v1/sites HTTP/1.1\r\nHost: vein2vein\r\n\r\n");

        elapse(HEADER_TIMEOUT.multipliedBy(3));

        assertThat(connection.isOpen()).isTrue();
        assertThat(passedOn).hasSize(2).first().isInstanceOf(HttpRequest.class);
    }

    @Test
    void theNextHeadIsTimedFromTheEndOfTheAnswer() {
        send("GET /api/v1/sites HTTP/1.1\r\nHost: vein2vein\r\n\r\n");
        elapse(HEADER_TIMEOUT.multipliedBy(2));
        answer();
        assertThat(connection.isOpen()).isTrue();

        elapse(HEADER_TIMEOUT.minusSeconds(1));
        send("GET /api/v1/sites HTTP/1.1\r\nHost: vein2vein\r\n\r\n");
        elapse(HEADER_TIMEOUT);

        assertThat(connection.isOpen()).isTrue();
        assertThat(passedOn.stream().filter(HttpRequest.class::isInstance)).hasSize(2);
    }

    @Test
    void anAnswerStillBeingSentIsNotCutOff() {
        send("GET /api/v1/sites HTTP/1.1\r\nHost: vein2vein\r\n\r\n");
        DefaultFullHttpResponse ok = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        ok.headers().setInt("Content-Length", 0);
        connection.write(ok);

        elapse(HEADER_TIMEOUT.multipliedBy(2));
        assertThat(connection.isOpen()).as("the answer is not out yet").isTrue();

        connection.flushOutbound();
        ReferenceCountUtil.release(connection.readOutbound());
        elapse(HEADER_TIMEOUT);
        assertThat(connection.isOpen()).as("idle after its answer").isFalse();
    }

    @Test
    void aBodyTrickledPastItsDeadlineIsAnswered408() {
        send("POST /api/v1/batches?dryRun=1 HTTP/1.1\r\nHost: vein2vein\r\nContent-Length: 100\r\n\r\n{\"type\"");
        elapse(BODY_TIMEOUT.minusSeconds(1));
        send(": \"AUTO");
        assertThat(connection.isOpen()).isTrue();

        elapse(Duration.ofSeconds(1));

        JsonNode problem = answeredWith(408);
        assertThat(problem.get("detail").asText()).contains("request body").contains("30 seconds");
        assertThat(problem.get("instance").asText()).isEqualTo("/api/v1/batches");
        assertThat(connection.isOpen()).isFalse();
    }

    @Test
    void aChunkedBodyIsRefusedOnceItGrowsPastTheLimit() {
        send("POST /api/v1/batches HTTP/1.1\r\nHost: vein2vein\r\nTransfer-Encoding: chunked\r\n\r\n");
        String chunk = "400\r\n" + "a".repeat(1024) + "\r\n";
        send(chunk + chunk);
        assertThat(connection.isOpen()).isTrue();

        send(chunk);

        JsonNode problem = answeredWith(413);
        assertThat(problem.get("type").asText()).isEqualTo("urn:vein2vein:problem:payload-too-large");
        assertThat(problem.get("detail").asText()).contains(Integer.toString(MAX_BODY));
        assertThat(connection.isOpen()).isFalse();
        assertThat(passedOn.stream().filter(Integer.class::isInstance).mapToInt(Integer.class::cast).sum())
                .isLessThanOrEqualTo(MAX_BODY);
    }

    @Test
    void aTooLongRequestLineIsAnswered414() {
        send("GET /api/v1/sites?q=" + "a".repeat(MAX_LINE) + " HTTP/1.1\r\nHost: vein2vein\r\n\r\n");

        JsonNode problem = answeredWith(414);
        assertThat(problem.get("type").asText()).isEqualTo("urn:vein2vein:problem:uri-too-long");
        assertThat(connection.isOpen()).isFalse();
        assertThat(passedOn).isEmpty();
    }

    @Test
    void tooManyHeaderBytesAreAnswered431() {
        send("GET /api/v1/sites HTTP/1.1\r\nHost: vein2vein\r\nX-Padding: " + "a".repeat(MAX_HEADERS) + "\r\n\r\n");

        JsonNode problem = answeredWith(431);
        assertThat(problem.get("type").asText()).isEqualTo("urn:vein2vein:problem:header-fields-too-large");
        assertThat(passedOn).isEmpty();
    }

    @Test
    void anInterimAnswerLeavesTheRequestUnanswered() {
        send("POST /api/v1/batches HTTP/1.1\r\nHost: vein2vein\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
        connection.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        send("{}");

        elapse(HEADER_TIMEOUT.multipliedBy(2));

        assertThat(connection.isOpen()).as("still being answered").isTrue();
    }

    private void send(String bytes) {
        connection.writeInbound(Unpooled.copiedBuffer(bytes, StandardCharsets.ISO_8859_1));
    }

    private void answer() {
        DefaultFullHttpResponse ok = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        ok.headers().setInt("Content-Length", 0);
        connection.writeOutbound(ok);
        ReferenceCountUtil.release(connection.readOutbound());
    }

    private void elapse(Duration duration) {
        connection.advanceTimeBy(duration.toNanos(), TimeUnit.NANOSECONDS);
        connection.runScheduledPendingTasks();
    }

    private JsonNode answeredWith(int status) {
        ByteBuf bytes = connection.readOutbound();
        assertThat(bytes).as("an answer").isNotNull();
        String response = bytes.toString(StandardCharsets.ISO_8859_1);
        bytes.release();
        assertThat(response).startsWith("HTTP/1.1 " + status + " ");
        assertThat(response.toLowerCase(java.util.Locale.ROOT)).contains("content-type: application/problem+json", "connection: close",
                        "x-content-type-options: nosniff", "cache-control: no-store");
        try {
            return json.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
        } catch (Exception e) {
            throw new AssertionError("not a JSON problem: " + response, e);
        }
    }
}
