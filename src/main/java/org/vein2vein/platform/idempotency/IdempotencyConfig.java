package org.vein2vein.platform.idempotency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long the answers to idempotent requests are kept for replay. */
@ConfigMapping(prefix = "vein2vein.idempotency")
public interface IdempotencyConfig {

    /** How long after its first answer a key replays it; after that the key is forgotten and may be reused. */
    @WithDefault("P1D")
    Duration retention();

    /** How often each replica deletes expired keys. */
    @WithDefault("PT10M")
    Duration purgeInterval();
}
