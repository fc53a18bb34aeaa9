package org.vein2vein.batch.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;


/** The ledger event a step produced, and the batch after it. */
@Schema(name = "StepRecorded")
public record StepRecordedResponse(CustodyEventResponse event, BatchResponse batch) {
}
