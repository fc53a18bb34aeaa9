package org.vein2vein.batch.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.custody.api.CustodyEventResponse;

/** The ledger event a step produced, and the batch after it. */
@Schema(name = "StepRecorded")
public record StepRecordedResponse(CustodyEventResponse event, BatchResponse batch) {
}
