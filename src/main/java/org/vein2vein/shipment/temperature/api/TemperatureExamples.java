package org.vein2vein.shipment.temperature.api;

/** Example bodies of temperature readings for the OpenAPI contract, shaped like real answers. */
final class TemperatureExamples {

    static final String SHIPMENT_ID = "SHP-7K3Q9P2XRTBA";

    static final String UPLOAD_REQUEST = """
            {"loggerId": "LOG-7731-A", "readings": [{"at": "2026-11-25T10:15:00Z", "celsius": -182.4},
             {"at": "2026-11-25T10:16:00Z", "celsius": -182.6}, {"at": "2026-11-25T10:17:00Z", "celsius": -182.5}]}""";

    static final String UPLOADED = """
            {"shipmentId": "SHP-7K3Q9P2XRTBA", "loggerId": "LOG-7731-A", "received": 3, "stored": 3, "duplicates": 0,
             "conflicting": 0, "outsideTransit": 0, "excursionsDetected": 0}""";

    static final String UPLOADED_AGAIN = """
            {"shipmentId": "SHP-7K3Q9P2XRTBA", "loggerId": "LOG-7731-A", "received": 3, "stored": 0, "duplicates": 3,
             "conflicting": 0, "outsideTransit": 0, "excursionsDetected": 0}""";

    static final String READINGS = """
            {"shipmentId": "SHP-7K3Q9P2XRTBA", "readings": [
             {"loggerId": "LOG-7731-A", "at": "2026-11-25T10:15:00Z", "celsius": -182.40},
             {"loggerId": "LOG-7731-B", "at": "2026-11-25T10:15:00Z", "celsius": -181.95}],
             "nextCursor": "MTc2NDA2NTcwMDAwMDAwMH5MT0ctNzczMS1C"}""";

    static final String BUCKETS = """
            {"shipmentId": "SHP-7K3Q9P2XRTBA", "every": "PT5M", "buckets": [
             {"loggerId": "LOG-7731-A", "from": "2026-11-25T10:15:00Z", "readings": 5, "minCelsius": -183.10,
              "maxCelsius": -181.90, "avgCelsius": -182.46},
             {"loggerId": "LOG-7731-A", "from": "2026-11-25T10:20:00Z", "readings": 5, "minCelsius": -182.80,
              "maxCelsius": -182.20, "avgCelsius": -182.52}]}""";

    static final String SUMMARY = """
            {"shipmentId": "SHP-7K3Q9P2XRTBA", "status": "RECEIVED", "temperatureClass": "CRYO_AT_OR_BELOW_MINUS_150_C",
             "packedAt": "2026-11-25T08:00:00Z", "monitoredFrom": "2026-11-25T08:15:00Z",
             "receivedAt": "2026-11-26T08:00:00Z",
             "overall": {"readings": 1441, "minCelsius": -190.25, "maxCelsius": -141.30,
              "first": {"at": "2026-11-25T08:00:00Z", "celsius": -120.00},
              "last": {"at": "2026-11-26T08:00:00Z", "celsius": -185.10}, "timeOutOfRange": "PT13M"},
             "loggers": [{"loggerId": "LOG-7731-A", "figures": {"readings": 1441, "minCelsius": -190.25,
              "maxCelsius": -141.30, "first": {"at": "2026-11-25T08:00:00Z", "celsius": -120.00},
              "last": {"at": "2026-11-26T08:00:00Z", "celsius": -185.10}, "timeOutOfRange": "PT13M"}}],
             "totalLoggers": 1,
             "excursions": [{"loggerId": "LOG-7731-A", "startedAt": "2026-11-25T13:40:00Z",
              "endedAt": "2026-11-25T13:52:00Z", "extremeCelsius": -141.30,
              "detectedAt": "2026-11-25T13:52:04.118230Z"}],
             "totalExcursions": 1}""";

    static final String PROBLEM_INVALID_READINGS = """
            {"type": "urn:vein2vein:problem:invalid-request", "title": "The request is not valid", "status": 400,
             "detail": "2 fields are not valid.", "instance": "/api/v1/shipments/SHP-7K3Q9P2XRTBA/temperature-readings",
             "violations": [{"field": "readings[2].at", "message": "must be later than the reading before it"},
             {"field": "readings[7].celsius", "message": "must be a temperature from -273.15 to 100.00 °C with at most 2 decimals"}]}""";

    static final String PROBLEM_INVALID_EVERY = """
            {"type": "urn:vein2vein:problem:invalid-request", "title": "The request is not valid", "status": 400,
             "detail": "Query parameter 'every' must be an ISO-8601 duration of whole seconds from PT1M to P1D, e.g. PT5M.",
             "instance": "/api/v1/shipments/SHP-7K3Q9P2XRTBA/temperature-readings",
             "violations": [{"field": "query.every", "message": "must be an ISO-8601 duration of whole seconds from PT1M to P1D, e.g. PT5M"}]}""";

    static final String PROBLEM_FROM_AFTER_TO = """
            {"type": "urn:vein2vein:problem:invalid-request", "title": "The request is not valid", "status": 400,
             "detail": "Query parameter 'from' must be earlier than to.",
             "instance": "/api/v1/shipments/SHP-7K3Q9P2XRTBA/temperature-readings",
             "violations": [{"field": "query.from", "message": "must be earlier than to"}]}""";

    static final String PROBLEM_INVALID_ID = """
            {"type": "urn:vein2vein:problem:invalid-request", "title": "The request is not valid", "status": 400,
             "detail": "One field is not valid.", "instance": "/api/v1/shipments/SHP-7K3Q/temperature-summary",
             "violations": [{"field": "path.id", "message": "must be a shipment id: SHP- and 12 digits or capital letters"}]}""";

    static final String PROBLEM_SHIPMENT_NOT_FOUND = """
            {"type": "urn:vein2vein:problem:not-found", "title": "No such resource", "status": 404,
             "detail": "No shipment has id SHP-7K3Q9P2XRTBA.",
             "instance": "/api/v1/shipments/SHP-7K3Q9P2XRTBA/temperature-readings"}""";

    private TemperatureExamples() {
    }
}
