package org.vein2vein.clock.application;

import org.vein2vein.clock.domain.WindowClock;

/**
 * Records a clock's warning or breach where its subject keeps its history: implemented by the slice
 * whose steps start the clock (a batch records it in its custody ledger). The watcher hands it each
 * clock it finds due; the recorder locks what it must, checks again, records, and marks the clock.
 */
public interface ClockAlarmRecorder {

    /** @return whether a warning or breach was recorded now (false when it was not due, or already recorded) */
    boolean recordDue(WindowClock.Key key);
}
