package org.vein2vein.batch.api;

/** Example bodies of the clock endpoints, shaped like real answers. */
final class ClockExamples {

    static final String BATCH_CLOCKS = """
            {"coi": "V2V7K3Q9P2XRTB", "asOf": "2026-11-25T14:47:30.123456Z", "clocks": [
             {"coi": "V2V7K3Q9P2XRTB", "window": "collection-to-receipt", "fromStage": "COLLECTED",
              "toStage": "RECEIVED_AT_MANUFACTURING", "startedAt": "2026-11-25T09:30:00Z",
              "deadline": "2026-11-27T09:30:00Z", "remaining": "PT42H42M29.876S", "state": "RUNNING"}]}""";

    static final String NO_CLOCKS = """
            {"coi": "V2V7K3Q9P2XRTB", "asOf": "2026-11-25T09:00:00.123456Z", "clocks": []}""";

    static final String DUE_CLOCKS = """
            {"asOf": "2026-11-27T08:00:00.123456Z", "dueBefore": "2026-11-27T10:00:00.123456Z", "clocks": [
             {"coi": "V2VB4T8N1QZ6KW", "window": "thaw-to-infusion", "unitId": "DOSE-03", "fromStage": "THAWED",
              "toStage": "INFUSED", "startedAt": "2026-11-27T07:10:00Z", "deadline": "2026-11-27T07:55:00Z",
              "remaining": "-PT5M0.123S", "state": "BREACHED"},
             {"coi": "V2V7K3Q9P2XRTB", "window": "collection-to-receipt", "fromStage": "COLLECTED",
              "toStage": "RECEIVED_AT_MANUFACTURING", "startedAt": "2026-11-25T09:30:00Z",
              "deadline": "2026-11-27T09:30:00Z", "remaining": "PT1H29M59.876S", "state": "WARNING"}]}""";

    static final String PROBLEM_INVALID_DUE_WITHIN = """
            {"type": "urn:vein2vein:problem:invalid-request", "title": "The request is not valid", "status": 400,
             "detail": "Query parameter 'dueWithin' must be an ISO-8601 duration longer than zero and at most P30D, e.g. PT2H.",
             "instance": "/api/v1/clocks",
             "violations": [{"field": "query.dueWithin",
              "message": "must be an ISO-8601 duration longer than zero and at most P30D, e.g. PT2H"}]}""";

    static final String PROBLEM_INVALID_LIMIT = """
            {"type": "urn:vein2vein:problem:invalid-request", "title": "The request is not valid", "status": 400,
             "detail": "Query parameter 'limit' must be a whole number from 1 to 1000.",
             "instance": "/api/v1/clocks",
             "violations": [{"field": "query.limit", "message": "must be a whole number from 1 to 1000"}]}""";

    private ClockExamples() {
    }
}
