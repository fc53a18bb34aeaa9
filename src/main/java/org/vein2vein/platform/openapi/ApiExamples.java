package org.vein2vein.platform.openapi;

/** Example bodies for the OpenAPI contract, shaped like real answers; ids and hashes are illustrative. */
public final class ApiExamples {

    public static final String COI = "V2V7K3Q9P2XRTB";

    public static final String REGISTER_REQUEST = """
            {"type": "AUTOLOGOUS", "subjectReference": "PSN-7F3K-22", "productCode": "CART-GD2-AUTO",
             "collectionSite": "SITE-LYON-01"}""";

    public static final String BATCH = """
            {"coi": "V2V7K3Q9P2XRTB", "type": "AUTOLOGOUS", "subjectReference": "PSN-7F3K-22",
             "productCode": "CART-GD2-AUTO", "productVersion": 1, "collectionSite": "SITE-LYON-01", "stage": "ORDERED",
             "allowedNextStages": ["COLLECTED", "QUARANTINED", "CANCELLED"], "ledgerSequence": 1,
             "ledgerHeadHash": "5b0d0a4e3f1c9d7e2a6b8c4d1e0f3a2b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f",
             "registeredAt": "2026-11-25T09:00:00.123456Z", "updatedAt": "2026-11-25T09:00:00.123456Z"}""";

    public static final String LOG_STEP_REQUEST = """
            {"stage": "COLLECTED", "occurredAt": "2026-11-25T09:30:00Z", "site": "SITE-LYON-01",
             "data": {"donationId": "A999926123456T", "startedAt": "2026-11-25T07:10:00Z",
             "endedAt": "2026-11-25T09:20:00Z", "volumeMl": 210, "totalNucleatedCells": 12000000000,
             "cd3PositiveCells": 6500000000, "anticoagulant": "ACD_A"}}""";

    public static final String CUSTODY_EVENT = """
            {"eventId": "0b8f6c1e-5d0a-4c57-9a53-3f1f0e0b9a11", "coi": "V2V7K3Q9P2XRTB", "sequence": 2,
             "type": "STEP_RECORDED", "stage": "COLLECTED", "occurredAt": "2026-11-25T09:30:00Z",
             "recordedAt": "2026-11-25T09:31:02.417221Z", "actor": {"id": "op-4711", "role": "technician", "organisation": "HOSP-LYON"}, "site": "SITE-LYON-01",
             "data": {"anticoagulant": "ACD_A", "cd3PositiveCells": 6500000000, "donationId": "A999926123456T",
             "endedAt": "2026-11-25T09:20:00Z", "startedAt": "2026-11-25T07:10:00Z", "totalNucleatedCells": 12000000000,
             "volumeMl": 210},
             "previousHash": "5b0d0a4e3f1c9d7e2a6b8c4d1e0f3a2b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f",
             "hash": "9e2c47d1b0a3f5e6c8d9a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6"}""";

    public static final String STEP_RECORDED = """
            {"event": {"eventId": "0b8f6c1e-5d0a-4c57-9a53-3f1f0e0b9a11", "coi": "V2V7K3Q9P2XRTB", "sequence": 2,
             "type": "STEP_RECORDED", "stage": "COLLECTED", "occurredAt": "2026-11-25T09:30:00Z",
             "recordedAt": "2026-11-25T09:31:02.417221Z", "actor": {"id": "op-4711", "role": "technician", "organisation": "HOSP-LYON"}, "site": "SITE-LYON-01",
             "data": {"anticoagulant": "ACD_A", "cd3PositiveCells": 6500000000, "donationId": "A999926123456T",
             "endedAt": "2026-11-25T09:20:00Z", "startedAt": "2026-11-25T07:10:00Z", "totalNucleatedCells": 12000000000,
             "volumeMl": 210},
             "previousHash": "5b0d0a4e3f1c9d7e2a6b8c4d1e0f3a2b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f",
             "hash": "9e2c47d1b0a3f5e6c8d9a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6"},
             "batch": {"coi": "V2V7K3Q9P2XRTB", "type": "AUTOLOGOUS", "subjectReference": "PSN-7F3K-22",
             "productCode": "CART-GD2-AUTO", "productVersion": 1, "collectionSite": "SITE-LYON-01", "stage": "COLLECTED",
             "allowedNextStages": ["COLLECTED", "CRYOPRESERVED_AT_COLLECTION", "SHIPPED_TO_MANUFACTURING",
             "QUARANTINED", "CANCELLED"], "ledgerSequence": 2,
             "ledgerHeadHash": "9e2c47d1b0a3f5e6c8d9a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6",
             "registeredAt": "2026-11-25T09:00:00.123456Z", "updatedAt": "2026-11-25T09:31:02.417221Z"}}""";

    public static final String PROBLEM_INVALID_REQUEST = """
            {"type": "urn:vein2vein:problem:invalid-request", "title": "The request is not valid", "status": 400,
             "detail": "One field is not valid.", "instance": "/api/v1/batches",
             "violations": [{"field": "subjectReference", "message": "must not be null"}]}""";

    public static final String PROBLEM_PRECONDITION_FAILED = """
            {"type": "urn:vein2vein:problem:precondition-failed", "title": "The resource has changed since you read it",
             "status": 412, "detail": "The batch has changed since you read it: If-Match named ledger sequence 5, the batch is at 6. Read the batch again and decide anew.",
             "instance": "/api/v1/batches/V2V7K3Q9P2XRTB/steps", "currentSequence": 6}""";

    public static final String PROBLEM_TOO_MANY_REQUESTS = """
            {"type": "urn:vein2vein:problem:too-many-requests", "title": "Too many requests", "status": 429,
             "detail": "This client sent more than 50 requests in one second; retry after 1 s.",
             "instance": "/api/v1/batches"}""";

    public static final String PROBLEM_UNAUTHENTICATED = """
            {"type": "urn:vein2vein:problem:unauthenticated", "title": "Authentication required", "status": 401,
             "detail": "Send a bearer token: Authorization: Bearer <token>.", "instance": "/api/v1/batches"}""";

    public static final String PROBLEM_FORBIDDEN = """
            {"type": "urn:vein2vein:problem:forbidden", "title": "Not allowed", "status": 403,
             "detail": "Your role does not allow this operation.", "instance": "/api/v1/batches"}""";

    public static final String PROBLEM_SITE_NOT_PERMITTED = """
            {"type": "urn:vein2vein:problem:site-not-permitted", "title": "Not allowed at this site", "status": 403,
             "detail": "Your token does not list site MFG-GENT-01: you may only act at your own sites.",
             "instance": "/api/v1/batches/V2V7K3Q9P2XRTB/steps", "site": "MFG-GENT-01"}""";

    public static final String PROBLEM_MALFORMED_JSON = """
            {"type": "urn:vein2vein:problem:malformed-json", "title": "The request body is not well-formed JSON",
             "status": 400, "detail": "The request body could not be parsed as JSON at line 1, column 12.",
             "instance": "/api/v1/batches"}""";

    public static final String PROBLEM_INVALID_COI = """
            {"type": "urn:vein2vein:problem:invalid-coi", "title": "The COI is not valid", "status": 400,
             "detail": "the check character does not match: the identifier has a typo",
             "instance": "/api/v1/batches/V2V7K3Q9P2XRTC",
             "violations": [{"field": "path.coi", "message": "the check character does not match: the identifier has a typo"}]}""";

    public static final String PROBLEM_BATCH_NOT_FOUND = """
            {"type": "urn:vein2vein:problem:batch-not-found", "title": "No batch has this COI", "status": 404,
             "detail": "No batch has COI V2V7K3Q9P2XRTB.", "instance": "/api/v1/batches/V2V7K3Q9P2XRTB"}""";

    public static final String PROBLEM_EVENT_NOT_FOUND = """
            {"type": "urn:vein2vein:problem:custody-event-not-found", "title": "The batch's ledger has no such event",
             "status": 404, "detail": "Batch V2V7K3Q9P2XRTB has no custody event 42.",
             "instance": "/api/v1/batches/V2V7K3Q9P2XRTB/custody/42"}""";

    public static final String PROBLEM_STEP_OUT_OF_ORDER = """
            {"type": "urn:vein2vein:problem:step-out-of-order", "title": "The step is out of order", "status": 409,
             "detail": "Batch V2V7K3Q9P2XRTB is ORDERED: INFUSED may not follow it.",
             "instance": "/api/v1/batches/V2V7K3Q9P2XRTB/steps", "currentStage": "ORDERED",
             "attemptedStage": "INFUSED", "allowedNextStages": ["COLLECTED", "QUARANTINED", "CANCELLED"]}""";

    public static final String PROBLEM_OCCURRED_BEFORE_PREVIOUS = """
            {"type": "urn:vein2vein:problem:occurred-before-previous-event",
             "title": "The step is dated before the batch's previous event", "status": 409,
             "detail": "occurredAt 2026-11-20T08:00:00Z is before 2026-11-25T08:58:00.123456Z, the batch's previous event less the allowed clock skew.",
             "instance": "/api/v1/batches/V2V7K3Q9P2XRTB/steps", "earliestAccepted": "2026-11-25T08:58:00.123456Z"}""";

    public static final String PROBLEM_UNSUPPORTED_MEDIA_TYPE = """
            {"type": "urn:vein2vein:problem:unsupported-media-type",
             "title": "The request body's media type is not supported", "status": 415,
             "detail": "Send the request body as application/json.", "instance": "/api/v1/batches"}""";

    public static final String PROBLEM_PAYLOAD_TOO_LARGE = """
            {"type": "urn:vein2vein:problem:payload-too-large", "title": "The request body is too large",
             "status": 413, "detail": "The request body exceeds the limit of 524288 bytes.",
             "instance": "/api/v1/batches/V2V7K3Q9P2XRTB/steps"}""";

    public static final String PROBLEM_INTERNAL_ERROR = """
            {"type": "urn:vein2vein:problem:internal-error", "title": "Internal error", "status": 500,
             "detail": "The request failed unexpectedly; nothing was recorded. Quote incident 0f3c9a52-5d1e-4b7a-9c61-2e8f4d7a1b30.",
             "instance": "/api/v1/batches", "incident": "0f3c9a52-5d1e-4b7a-9c61-2e8f4d7a1b30"}""";

    public static final String PROBLEM_OUTCOME_UNKNOWN = """
            {"type": "urn:vein2vein:problem:outcome-unknown", "title": "Whether the request was recorded is unknown",
             "status": 500, "detail": "The connection to the database failed while the request was being committed: it may or may not have been recorded. Send it again with the same Idempotency-Key to find out: if it was recorded, you receive its answer; if not, it is carried out now. Quote incident 7a1d2c3e-4f50-4a61-b728-39c4d5e6f708.",
             "instance": "/api/v1/batches/V2V7K3Q9P2XRTB/steps", "incident": "7a1d2c3e-4f50-4a61-b728-39c4d5e6f708"}""";

    public static final String PROBLEM_SERVICE_UNAVAILABLE = """
            {"type": "urn:vein2vein:problem:service-unavailable", "title": "The service is temporarily unavailable",
             "status": 503, "detail": "The database cannot be reached; nothing was recorded. Try again in 5 seconds.",
             "instance": "/api/v1/batches/V2V7K3Q9P2XRTB/steps"}""";

    private ApiExamples() {
    }
}
