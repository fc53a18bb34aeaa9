package org.vein2vein.batch.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.logging.Log;

import org.vein2vein.batch.persistence.BatchEntity;
import org.vein2vein.batch.persistence.BatchRepository;
import org.vein2vein.clock.domain.IsoDurations;
import org.vein2vein.clock.domain.WindowClock;
import org.vein2vein.clock.application.ClockAlarmRecorder;
import org.vein2vein.clock.application.ClockConfig;
import org.vein2vein.clock.application.ClockService;
import org.vein2vein.custody.application.CustodyHistory;
import org.vein2vein.custody.application.Ledger;
import org.vein2vein.custody.domain.CustodyEvent;
import org.vein2vein.custody.domain.CustodyEventType;
import org.vein2vein.custody.domain.LedgerHead;
import org.vein2vein.kernel.Actor;
import org.vein2vein.kernel.Coi;

/**
 * Records a clock's warning or breach in the batch's custody ledger, exactly once: each in its own
 * transaction that takes the batch's row lock first (as steps do, which also touch clocks: the same
 * order cannot deadlock), then the clock's row lock, checks again that the clock still runs and that
 * its warning or breach is due and not recorded yet, appends the event and marks the clock, and
 * commits both together. A second watcher, on this replica or another, waits for the lock and then
 * finds the clock marked.
 */
@ApplicationScoped
public class WindowAlarms implements ClockAlarmRecorder {

    /** Who records warnings and breaches: the service itself, not a person. */
    public static final Actor ACTOR = Actor.system("vein2vein-clock");

    private final BatchRepository batches;
    private final ClockService clocks;
    private final Ledger ledger;
    private final CustodyHistory history;
    private final ClockConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;

    public WindowAlarms(BatchRepository batches, ClockService clocks, Ledger ledger, CustodyHistory history,
            ClockConfig config, ObjectMapper mapper, Clock clock) {
        this.batches = batches;
        this.clocks = clocks;
        this.ledger = ledger;
        this.history = history;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Records the clock's breach, or else its warning, if one is due now and not yet recorded; a clock
     * first seen past its deadline gets only the breach, and no warning after it.
     *
     * @return whether an event was recorded
     */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean recordDue(WindowClock.Key key) {
        return record(key).isPresent();
    }

    private Optional<CustodyEvent> record(WindowClock.Key key) {
        Optional<BatchEntity> batch = batches.findForUpdate(new Coi(key.coi()));
        if (batch.isEmpty()) {
            return Optional.empty();
        }
        Optional<WindowClock> locked = clocks.findForUpdate(key);
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        WindowClock windowClock = locked.get();
        Instant now = clock.instant();
        double threshold = config.warningAt();
        if (windowClock.breachDue(now)) {
            CustodyEvent event = append(batch.get(), windowClock, CustodyEventType.TIME_WINDOW_BREACHED,
                    windowClock.deadline(), payload(windowClock)
                            .put("overrunBy", IsoDurations.format(windowClock.overrunBy(now))));
            clocks.markBreached(key, event.recordedAt());
            Log.warnf("Batch %s: time window %s%s breached at %s, recorded as event %d", key.coi(), key.window(),
                    unitSuffix(windowClock), windowClock.deadline(), event.sequence());
            return Optional.of(event);
        }
        if (windowClock.warningDue(now, threshold)) {
            Instant warningAt = windowClock.warningAt(threshold);
            CustodyEvent event = append(batch.get(), windowClock, CustodyEventType.TIME_WINDOW_WARNING_ISSUED,
                    warningAt, payload(windowClock)
                            .put("elapsedPercent", Math.round(windowClock.elapsedFraction(warningAt) * 100)));
            clocks.markWarned(key, event.recordedAt());
            Log.infof("Batch %s: time window %s%s at %d%%, due %s; warning recorded as event %d", key.coi(),
                    key.window(), unitSuffix(windowClock), Math.round(threshold * 100), windowClock.deadline(),
                    event.sequence());
            return Optional.of(event);
        }
        return Optional.empty();
    }

    private CustodyEvent append(BatchEntity batch, WindowClock windowClock, CustodyEventType type, Instant occurredAt,
            ObjectNode payload) {
        LedgerHead head = ledger.head(windowClock.coi());
        return ledger.append(head, new Ledger.NewCustodyEvent(windowClock.coi(), type, batch.stage().name(),
                occurredAt, ACTOR, siteOf(batch, windowClock.coi(), head), payload));
    }

    /** Where the batch was last recorded: the site of its newest event, else where it was collected. */
    private String siteOf(BatchEntity batch, String coi, LedgerHead head) {
        return history.event(coi, head.sequence()).map(CustodyEvent::site).orElse(batch.collectionSite());
    }

    private ObjectNode payload(WindowClock windowClock) {
        ObjectNode payload = mapper.createObjectNode().put("window", windowClock.window());
        if (!windowClock.isBatchLevel()) {
            payload.put("unitId", windowClock.unitId());
        }
        return payload
                .put("fromStage", windowClock.from().name())
                .put("toStage", windowClock.to().name())
                .put("startedAt", windowClock.startedAt().toString())
                .put("deadline", windowClock.deadline().toString())
                .put("max", windowClock.max().toString());
    }

    private static String unitSuffix(WindowClock windowClock) {
        return windowClock.isBatchLevel() ? "" : " of unit " + windowClock.unitId();
    }
}
