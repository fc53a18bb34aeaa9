package org.vein2vein.product.domain;

import java.time.Duration;
import java.util.Objects;

import org.vein2vein.kernel.Stage;

/**
 * The longest time allowed from the step at {@code from} to the step at {@code to}. A window from a
 * stage to itself bounds a period within that one step, such as the time out of storage while
 * the product is packed for {@code SHIPPED_TO_SITE}.
 *
 * @param name a stable lower-case code, e.g. {@code collection-to-receipt}
 */
public record TimeWindow(String name, Stage from, Stage to, Duration max) {

    public TimeWindow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(max, "max");
    }
}
