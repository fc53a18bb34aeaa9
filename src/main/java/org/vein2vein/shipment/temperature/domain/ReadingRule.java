package org.vein2vein.shipment.temperature.domain;

import java.util.List;

/** A rule every reading of an upload must keep, or the upload is refused as a whole and nothing is stored. */
public interface ReadingRule {

    /** The readings that break the rule, in their order; none when all keep it. */
    List<ReadingViolation> check(List<Reading> readings);
}
