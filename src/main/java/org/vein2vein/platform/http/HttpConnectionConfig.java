package org.vein2vein.platform.http;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long a client may take to send a request: see {@link ConnectionGuard}. */
@ConfigMapping(prefix = "vein2vein.http")
public interface HttpConnectionConfig {

    /**
     * How long the head of a request (its request line and header fields) may take to arrive, from the
     * opening of the connection or the end of the previous answer. An idle connection is closed after it.
     */
    @WithDefault("PT10S")
    Duration headerTimeout();

    /** How long the body of a request may take to arrive, from the end of its head. */
    @WithDefault("PT30S")
    Duration bodyTimeout();
}
