package org.vein2vein.batch.domain.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vein2vein.batch.domain.StageData;
import org.vein2vein.product.domain.TimeWindow;

/**
 * A step that ends one of the product's time windows comes before its deadline: collection to
 * receipt at manufacturing, release to shipping, time out of storage while packing, thaw to
 * infusion. A late step is refused and kept on record, unless it names the documented deviation
 * under which it is accepted; then the event says which windows it missed, and by how much.
 */
public final class TimeWindows implements SafetyRule {

    @Override
    public Ruling check(StepContext context) {
        List<Map<String, Object>> missed = new ArrayList<>();
        for (TimeWindow window : context.rules().windows()) {
            if (window.to() != context.step().stage()) {
                continue;
            }
            Optional<Instant> started = startOf(window, context);
            if (started.isEmpty()) {
                continue;
            }
            Duration overrun = Duration.between(started.get().plus(window.max()), context.step().occurredAt());
            if (!overrun.isNegative() && !overrun.isZero()) {
                missed.add(details(window, started.get(), overrun));
            }
        }
        if (missed.isEmpty()) {
            return Ruling.accept();
        }
        if (context.step().deviationReference().isPresent()) {
            return Ruling.acceptNoting("missedWindows", missed);
        }
        Map<String, Object> first = missed.get(0);
        TimeWindow window = context.rules().windows().stream().filter(w -> w.name().equals(first.get("window")))
                .findFirst().orElseThrow();
        Refusal refusal = Refusal.of(RefusalKind.TIME_WINDOW_MISSED, "The " + window.name() + " window ("
                + window.max() + " from " + window.from() + " to " + window.to() + ") was missed by "
                + first.get("missedBy") + ". Record the step with the documented deviation in deviationReference, "
                + "or hold the batch.");
        for (Map.Entry<String, Object> fact : first.entrySet()) {
            refusal = refusal.with(fact.getKey(), fact.getValue());
        }
        return Ruling.refuse(refusal);
    }

    /** A window within one step (packing) starts when its data says; the others when their clock started. */
    private static Optional<Instant> startOf(TimeWindow window, StepContext context) {
        if (window.from() == window.to()) {
            return context.step().data() instanceof StageData.Shipment shipment ? shipment.outOfStorageSince()
                    : Optional.empty();
        }
        return Optional.ofNullable(context.windowStarts().get(window.name()));
    }

    private static Map<String, Object> details(TimeWindow window, Instant startedAt, Duration missedBy) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("window", window.name());
        details.put("max", window.max().toString());
        details.put("startedAt", startedAt.toString());
        details.put("deadline", startedAt.plus(window.max()).toString());
        details.put("missedBy", missedBy.toString());
        return details;
    }
}
