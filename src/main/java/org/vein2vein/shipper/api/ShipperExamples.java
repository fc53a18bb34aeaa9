package org.vein2vein.shipper.api;

/** Example bodies of the shipper registry for the OpenAPI contract, shaped like real answers. */
final class ShipperExamples {

    static final String ID = "DS-0192";

    static final String CREATE_REQUEST = """
            {"id": "DS-0192", "type": "DRY_SHIPPER", "qualifiedUntil": "2027-06-30T00:00:00Z",
             "validatedHoldTime": "P10D"}""";

    static final String UPDATE_REQUEST = """
            {"type": "DRY_SHIPPER", "qualifiedUntil": "2028-06-30T00:00:00Z", "validatedHoldTime": "P9DT12H",
             "active": true}""";

    static final String SHIPPER = """
            {"id": "DS-0192", "type": "DRY_SHIPPER", "qualifiedUntil": "2027-06-30T00:00:00Z",
             "validatedHoldTime": "P10D", "active": true, "version": 1,
             "createdAt": "2026-11-25T08:00:00.123456Z", "updatedAt": "2026-11-25T08:00:00.123456Z"}""";

    static final String UPDATED_SHIPPER = """
            {"id": "DS-0192", "type": "DRY_SHIPPER", "qualifiedUntil": "2028-06-30T00:00:00Z",
             "validatedHoldTime": "P9DT12H", "active": true, "version": 2,
             "createdAt": "2026-11-25T08:00:00.123456Z", "updatedAt": "2027-06-20T10:15:00.654321Z"}""";

    static final String PAGE = """
            {"shippers": [
             {"id": "CB-0042", "type": "COLD_BOX_2_8_C", "qualifiedUntil": "2027-03-31T00:00:00Z",
              "validatedHoldTime": "P2D", "active": true, "version": 1,
              "createdAt": "2026-11-25T08:00:00.123456Z", "updatedAt": "2026-11-25T08:00:00.123456Z"},
             {"id": "DS-0192", "type": "DRY_SHIPPER", "qualifiedUntil": "2027-06-30T00:00:00Z",
              "validatedHoldTime": "P10D", "active": true, "version": 1,
              "createdAt": "2026-11-25T08:00:00.123456Z", "updatedAt": "2026-11-25T08:00:00.123456Z"}],
             "nextFromId": "DS-0300"}""";

    static final String PROBLEM_INVALID_REQUEST = """
            {"type": "urn:vein2vein:problem:invalid-request", "title": "The request is not valid", "status": 400,
             "detail": "One field is not valid.", "instance": "/api/v1/shippers",
             "violations": [{"field": "validatedHoldTime", "message": "must be an ISO-8601 duration in days, hours and minutes from PT1H to P60D, e.g. P10D or PT20H"}]}""";

    static final String PROBLEM_INVALID_IF_MATCH = """
            {"type": "urn:vein2vein:problem:invalid-request", "title": "The request is not valid", "status": 400,
             "detail": "If-Match must be one entity tag as the ETag gives it, e.g. \\"5\\".",
             "instance": "/api/v1/shippers/DS-0192",
             "violations": [{"field": "header.If-Match", "message": "must be one strong entity tag"}]}""";

    static final String PROBLEM_INVALID_LIMIT = """
            {"type": "urn:vein2vein:problem:invalid-request", "title": "The request is not valid", "status": 400,
             "detail": "Query parameter 'limit' must be a whole number from 1 to 1000.", "instance": "/api/v1/shippers",
             "violations": [{"field": "query.limit", "message": "must be a whole number from 1 to 1000"}]}""";

    static final String PROBLEM_INVALID_PATH_ID = """
            {"type": "urn:vein2vein:problem:invalid-request", "title": "The request is not valid", "status": 400,
             "detail": "One field is not valid.", "instance": "/api/v1/shippers/ds-0192",
             "violations": [{"field": "path.id", "message": "must be a shipper id: 3 to 32 upper-case letters, digits or '-', beginning with a letter or digit"}]}""";

    static final String PROBLEM_SHIPPER_NOT_FOUND = """
            {"type": "urn:vein2vein:problem:shipper-not-found", "title": "No shipper has this id", "status": 404,
             "detail": "No shipper has id DS-9999.", "instance": "/api/v1/shippers/DS-9999"}""";

    static final String PROBLEM_SHIPPER_EXISTS = """
            {"type": "urn:vein2vein:problem:shipper-exists", "title": "A shipper with this id already exists",
             "status": 409, "detail": "A shipper with id DS-0192 already exists: change it with PUT /api/v1/shippers/DS-0192.",
             "instance": "/api/v1/shippers", "shipperId": "DS-0192"}""";

    static final String PROBLEM_PRECONDITION_FAILED = """
            {"type": "urn:vein2vein:problem:precondition-failed", "title": "The resource has changed since you read it",
             "status": 412, "detail": "The shipper has changed since you read it: If-Match named version 1, the shipper is at version 2. Read the shipper again and decide anew.",
             "instance": "/api/v1/shippers/DS-0192", "currentVersion": 2}""";

    static final String PROBLEM_PRECONDITION_REQUIRED = """
            {"type": "urn:vein2vein:problem:precondition-required", "title": "The request must be conditional",
             "status": 428, "detail": "Changing a shipper requires If-Match with the ETag you last read, e.g. \\"3\\": read it first, then send its ETag.",
             "instance": "/api/v1/shippers/DS-0192"}""";

    private ShipperExamples() {
    }
}
