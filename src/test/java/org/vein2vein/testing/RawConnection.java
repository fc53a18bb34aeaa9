package org.vein2vein.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.restassured.RestAssured;

/**
 * A TCP connection to the service under test, for requests no HTTP client would send: too slow, too
 * long, malformed. Reads never wait longer than {@link #PATIENCE}: a server that should have closed
 * the connection by then fails the test.
 */
public final class RawConnection implements AutoCloseable {

    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Socket socket;

    private RawConnection(Socket socket) {
        this.socket = socket;
    }

    public static RawConnection open() {
        try {
            Socket socket = new Socket("localhost", RestAssured.port);
            socket.setSoTimeout((int) PATIENCE.toMillis());
            return new RawConnection(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code text} as ISO-8859-1 bytes, as HTTP/1.1 heads are. */
    public RawConnection send(String text) {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public RawConnection send(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code text} if the server still reads; false once it has closed the connection. */
    public boolean trySend(String text) {
        try {
            send(text);
            return true;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /** Reads one answer's head, such as {@code 100 Continue}, and returns its status line. */
    public String readHead() {
        StringBuilder head = new StringBuilder();
        try {
            InputStream in = socket.getInputStream();
            while (head.indexOf("\r\n\r\n") < 0) {
                int b = in.read();
                if (b < 0) {
                    throw new AssertionError("the server closed the connection; received: " + head);
                }
                head.append((char) b);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within " + PATIENCE + "; received: " + head, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return head.substring(0, head.indexOf("\r\n"));
    }

    /** Everything the server sends until it closes the connection; an empty answer if it sent nothing. */
    public Answer readUntilClosed() {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server did not close the connection within " + PATIENCE + "; received: "
                    + received.toString(StandardCharsets.ISO_8859_1), e);
        } catch (IOException e) {
            // A reset after the answer: what was received stands.
        }
        return Answer.parse(received.toString(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a test connection twice is harmless.
        }
    }

    /** An HTTP/1.1 answer as received: status, headers by lower-case name, body; status 0 for none. */
    public record Answer(int status, Map<String, String> headers, String body) {

        static Answer parse(String raw) {
            if (raw.isEmpty()) {
                return new Answer(0, Map.of(), "");
            }
            int endOfHead = raw.indexOf("\r\n\r\n");
            String[] lines = raw.substring(0, endOfHead < 0 ? raw.length() : endOfHead).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers,
                    endOfHead < 0 ? "" : raw.substring(endOfHead + 4));
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }
}
