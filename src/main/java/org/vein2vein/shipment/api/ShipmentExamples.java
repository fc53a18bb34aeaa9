package org.vein2vein.shipment.api;

/** Examples of the shipment operations for the contract: real shapes, fictional values. */
final class ShipmentExamples {

    static final String ID = "SHP-7K3Q9P2XRTB4";

    static final String PLAN_REQUEST = """
            {"originSite": "MFG-GENT-01", "destinationSite": "SITE-LYON-01", "courier": "CRYO-COURIER-1",
             "shipperId": "DS-0192", "trackingNumber": "1Z999AA10123456784",
             "temperatureClass": "CRYO_AT_OR_BELOW_MINUS_150_C", "plannedPickupAt": "2026-12-09T09:00:00Z",
             "plannedArrivalAt": "2026-12-09T15:00:00Z", "unitIds": ["V2V7K3Q9P2XRTB-01"]}""";

    static final String PACK_REQUEST = """
            {"packedAt": "2026-12-09T08:25:00Z", "outOfStorageSince": "2026-12-09T08:05:00Z"}""";

    static final String RELEASE_TO_COURIER_REQUEST = """
            {"occurredAt": "2026-12-09T09:05:00Z", "toOrganisation": "CRYO-COURIER-1", "place": "GENT-DOCK-2"}""";

    static final String DELIVERY_REQUEST = """
            {"occurredAt": "2026-12-09T14:35:00Z", "toDestination": true}""";

    static final String ACCEPT_REQUEST = """
            {"occurredAt": "2026-12-09T09:06:00Z", "condition": "INTACT"}""";

    static final String RECEIVE_REQUEST = """
            {"occurredAt": "2026-12-09T14:40:00Z", "condition": "INTACT", "temperatureOnArrivalC": -182.5,
             "units": [{"unitId": "V2V7K3Q9P2XRTB-01", "identityCheck": {"scannedCoi": "V2V7K3Q9P2XRTB",
               "scannedUnitId": "V2V7K3Q9P2XRTB-01", "witness": "op-0815"}}]}""";

    static final String SHIPMENT = """
            {"id": "SHP-7K3Q9P2XRTB4", "status": "PICKED_UP", "originSite": "MFG-GENT-01",
             "destinationSite": "SITE-LYON-01", "courier": "CRYO-COURIER-1", "shipperId": "DS-0192",
             "trackingNumber": "1Z999AA10123456784", "temperatureClass": "CRYO_AT_OR_BELOW_MINUS_150_C",
             "leg": "TO_TREATMENT_SITE", "custodian": "CRYO-COURIER-1", "plannedPickupAt": "2026-12-09T09:00:00Z",
             "plannedArrivalAt": "2026-12-09T15:00:00Z", "outOfStorageSince": "2026-12-09T08:05:00Z",
             "packedAt": "2026-12-09T08:25:00Z", "pickedUpAt": "2026-12-09T09:06:00Z",
             "units": [{"coi": "V2V7K3Q9P2XRTB", "unitId": "V2V7K3Q9P2XRTB-01"}],
             "handovers": [{"number": 1, "from": {"organisation": "MFG-GENT", "site": "MFG-GENT-01"},
               "to": {"organisation": "CRYO-COURIER-1"}, "place": "GENT-DOCK-2",
               "releasedAt": "2026-12-09T09:05:00Z",
               "releasedBy": {"id": "tech-gent-01", "role": "technician", "organisation": "MFG-GENT"},
               "acceptedAt": "2026-12-09T09:06:00Z",
               "acceptedBy": {"id": "courier-01", "role": "logistics", "organisation": "CRYO-COURIER-1"},
               "condition": "INTACT"}],
             "version": 4}""";

    static final String PAGE = "{\"items\": [" + SHIPMENT + "]}";

    static final String PROBLEM_NOT_FOUND = """
            {"type": "urn:vein2vein:problem:shipment-not-found", "title": "No shipment has this id", "status": 404,
             "detail": "No shipment has this id.", "instance": "/api/v1/shipments/SHP-7K3Q9P2XRTB4"}""";

    static final String PROBLEM_UNIT_ON_ANOTHER_SHIPMENT = """
            {"type": "urn:vein2vein:problem:unit-on-another-shipment", "title": "A unit is on another open shipment",
             "status": 409, "detail": "Unit V2V7K3Q9P2XRTB-01 is on another open shipment; a unit travels on one at a time.",
             "instance": "/api/v1/shipments", "unitIds": ["V2V7K3Q9P2XRTB-01"]}""";

    static final String PROBLEM_NOT_THE_BATCH_DESTINATION = """
            {"type": "urn:vein2vein:problem:not-the-batch-destination",
             "title": "The shipment goes to a site its units are not bound for", "status": 409,
             "detail": "Unit V2V7K3Q9P2XRTB-01 is bound for SITE-LYON-01 (is not bound for SITE-BRUX-02).",
             "instance": "/api/v1/shipments", "units": {"V2V7K3Q9P2XRTB-01": "is bound for SITE-LYON-01"}}""";

    static final String PROBLEM_SHIPMENT_OUT_OF_ORDER = """
            {"type": "urn:vein2vein:problem:shipment-out-of-order",
             "title": "The shipment is not at a status that allows this", "status": 409,
             "detail": "Shipment SHP-7K3Q9P2XRTB4 is PICKED_UP: RECEIVE is allowed only when it is [DELIVERED].",
             "instance": "/api/v1/shipments/SHP-7K3Q9P2XRTB4/receipt", "allowedAt": ["DELIVERED"]}""";

    static final String PROBLEM_RECEIVED_UNITS_DIFFER = """
            {"type": "urn:vein2vein:problem:received-units-differ", "title": "The units received are not the units packed",
             "status": 409, "detail": "The units received are not the units packed on shipment SHP-7K3Q9P2XRTB4: nothing is received until they are, or the difference is investigated.",
             "instance": "/api/v1/shipments/SHP-7K3Q9P2XRTB4/receipt", "missing": ["V2V7K3Q9P2XRTB-02"],
             "unexpected": [], "listedTwice": false}""";

    static final String PROBLEM_SHIPPER_UNFIT = """
            {"type": "urn:vein2vein:problem:shipper-unfit", "title": "The shipper may not carry this shipment",
             "status": 409, "detail": "Shipper DS-0007 may not carry this shipment: its qualification ends before the planned arrival.",
             "instance": "/api/v1/shipments/SHP-7K3Q9P2XRTB4/packing", "shipperId": "DS-0007",
             "reason": "QUALIFICATION_EXPIRED", "reasons": ["QUALIFICATION_EXPIRED"]}""";

    static final String PROBLEM_NOT_THE_CUSTODIAN = """
            {"type": "urn:vein2vein:problem:not-the-custodian", "title": "Only the party holding the shipment may hand it over",
             "status": 409, "detail": "Shipment SHP-7K3Q9P2XRTB4 is held by CRYO-COURIER-1: only the party holding it hands it over.",
             "instance": "/api/v1/shipments/SHP-7K3Q9P2XRTB4/handovers"}""";

    static final String PROBLEM_NOT_ADDRESSED = """
            {"type": "urn:vein2vein:problem:handover-not-addressed-to-caller",
             "title": "The handover is addressed to another party", "status": 409,
             "detail": "Handover 2 is addressed to AIR-CARGO-7.",
             "instance": "/api/v1/shipments/SHP-7K3Q9P2XRTB4/handovers/2/acceptance"}""";

    static final String PROBLEM_ARRIVAL_TEMPERATURE = """
            {"type": "urn:vein2vein:problem:arrival-temperature-out-of-range",
             "title": "The shipment arrived outside its temperature class", "status": 409,
             "detail": "Shipment SHP-7K3Q9P2XRTB4 arrived at 22.0 °C, outside its class CRYO_AT_OR_BELOW_MINUS_150_C (at or below -150 °C): it is received only with a deviationReference, which the receipt records.",
             "instance": "/api/v1/shipments/SHP-7K3Q9P2XRTB4/receipt", "temperatureOnArrivalC": 22.0,
             "temperatureClass": "CRYO_AT_OR_BELOW_MINUS_150_C"}""";

    private ShipmentExamples() {
    }
}
