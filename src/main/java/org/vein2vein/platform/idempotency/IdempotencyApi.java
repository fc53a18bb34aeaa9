package org.vein2vein.platform.idempotency;

/** How idempotent writes appear in the OpenAPI contract: texts and examples the POST operations share. */
public final class IdempotencyApi {

    public static final String KEY_DESCRIPTION = "Makes the request safe to retry: a unique value per request, "
            + "such as a UUID, 1 to 255 printable ASCII characters, bare or as a quoted string. A retry with the "
            + "same key and the same body within the retention period (a day by default) is answered with the "
            + "first answer again, and nothing is recorded twice; the key with another request is refused (422); "
            + "while the first request is still being processed, a retry is refused (409). Keys are yours alone: "
            + "another client's keys never collide with yours. Only successful answers are kept, so the retry of a "
            + "refused request is decided anew.";

    public static final String KEY_EXAMPLE = "8e03978e-40d5-43e8-bc93-6894a57f9324";

    public static final String REPLAYED_DESCRIPTION = "true when this is the stored answer to an earlier request "
            + "with the same Idempotency-Key";

    public static final String PROBLEM_INVALID_KEY = """
            {"type": "urn:vein2vein:problem:invalid-request", "title": "The request is not valid", "status": 400,
             "detail": "The Idempotency-Key header must be 1 to 255 printable ASCII characters, bare or as a quoted string.",
             "instance": "/api/v1/batches",
             "violations": [{"field": "header.Idempotency-Key", "message": "must be 1 to 255 printable ASCII characters, bare or as a quoted string"}]}""";

    public static final String PROBLEM_REQUEST_IN_FLIGHT = """
            {"type": "urn:vein2vein:problem:request-in-flight",
             "title": "A request with this idempotency key is still being processed", "status": 409,
             "detail": "A request with this Idempotency-Key is still being processed. Retry once it has been answered to receive its answer.",
             "instance": "/api/v1/batches/V2V7K3Q9P2XRTB/steps"}""";

    public static final String PROBLEM_KEY_REUSED = """
            {"type": "urn:vein2vein:problem:idempotency-key-reused",
             "title": "The idempotency key was already used for a different request", "status": 422,
             "detail": "This Idempotency-Key was used for a different request (another body, method or path). Send a new key for a new request.",
             "instance": "/api/v1/batches/V2V7K3Q9P2XRTB/steps"}""";

    private IdempotencyApi() {
    }
}
