package org.vein2vein.batch.application;

import org.vein2vein.kernel.Coi;

/** No batch carries the COI asked for. */
public class BatchNotFoundException extends RuntimeException {

    public BatchNotFoundException(Coi coi) {
        super("no batch has COI " + coi);
    }
}
