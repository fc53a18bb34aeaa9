package org.vein2vein.batch.api;

/** OpenAPI examples of the refusals particular to steps. */
final class StepExamples {

    static final String PROBLEM_TIME_WINDOW_MISSED = """
            {"type": "urn:vein2vein:problem:time-window-missed", "title": "The step missed its time window",
             "status": 409, "detail": "The collection-to-receipt window (PT48H from COLLECTED to RECEIVED_AT_MANUFACTURING) was missed by PT3H12M. Record the step with the documented deviation in deviationReference, or hold the batch.",
             "instance": "/api/v1/batches/V2V7K3Q9P2XRTB/steps", "rejectedAttempt": 5, "stage": "SHIPPED_TO_MANUFACTURING",
             "window": "collection-to-receipt", "max": "PT48H", "startedAt": "2026-11-23T06:10:00Z",
             "deadline": "2026-11-25T06:10:00Z", "missedBy": "PT3H12M"}""";

    static final String PROBLEM_IDENTITY_MISMATCH = """
            {"type": "urn:vein2vein:problem:identity-mismatch", "title": "The identity check failed", "status": 409,
             "detail": "Identity check failed at INFUSED: the patient scanned at the bedside is not the patient the batch was made for. The batch is on hold until QA decides.",
             "instance": "/api/v1/batches/V2V7K3Q9P2XRTB/steps", "rejectedAttempt": 17, "stage": "QUARANTINED",
             "mismatches": ["the patient scanned at the bedside is not the patient the batch was made for"], "hold": 18}""";

    static final String PROBLEM_SECOND_VERIFIER_REQUIRED = """
            {"type": "urn:vein2vein:problem:second-verifier-required", "title": "A second, different verifier is required",
             "status": 409, "detail": "This product requires two different verifiers at identity checkpoints: name the second one, who is not you, in data.identityCheck.witness.",
             "instance": "/api/v1/batches/V2V7K3Q9P2XRTB/steps", "rejectedAttempt": 4, "stage": "SHIPPED_TO_MANUFACTURING"}""";

    static final String PROBLEM_RELEASE_SPECIFICATION_NOT_MET = """
            {"type": "urn:vein2vein:problem:release-specification-not-met",
             "title": "The QC results are not all in and within the release specification", "status": 409,
             "detail": "Batch V2V7K3Q9P2XRTB cannot be released: its QC results are not all in and within specification.",
             "instance": "/api/v1/batches/V2V7K3Q9P2XRTB/steps", "outOfSpecification": ["VIABILITY (≥ 80 %)"],
             "missingTests": ["MYCOPLASMA"]}""";

    static final String PROBLEM_UNIT_NOT_IN_BATCH = """
            {"type": "urn:vein2vein:problem:unit-not-in-batch", "title": "The batch has no such unit", "status": 409,
             "detail": "Batch V2V7K3Q9P2XRTB has no unit V2V7K3Q9P2XRTB-07.",
             "instance": "/api/v1/batches/V2V7K3Q9P2XRTB/steps", "unitIds": ["V2V7K3Q9P2XRTB-07"]}""";

    static final String PROBLEM_DOSE_ALREADY_ALLOCATED = """
            {"type": "urn:vein2vein:problem:dose-already-allocated", "title": "The dose is allocated already",
             "status": 409, "detail": "Dose V2V7K3Q9P2XRTB-D01 is allocated already; a dose goes to one recipient only.",
             "instance": "/api/v1/batches/V2V7K3Q9P2XRTB/steps", "unitId": "V2V7K3Q9P2XRTB-D01"}""";

    static final String PROBLEM_UNIT_ID_IN_USE = """
            {"type": "urn:vein2vein:problem:unit-id-in-use", "title": "The unit id is already in use", "status": 409,
             "detail": "Unit id V2V7K3Q9P2XRTB-01 is already in use; each is unique across all batches.",
             "instance": "/api/v1/batches/V2V7K3Q9P2XRTB/steps", "identifiers": ["V2V7K3Q9P2XRTB-01"]}""";

    static final String FORMULATION_REQUEST = """
            {"stage": "FORMULATED", "occurredAt": "2026-12-04T10:15:00Z", "site": "MFG-GENT-01",
             "data": {"identityCheck": {"scannedCoi": "V2V7K3Q9P2XRTB", "witness": "op-0815"},
                      "units": [{"unitId": "V2V7K3Q9P2XRTB-01", "volumeMl": 70, "carPositiveViableCells": 300000000}]}}""";

    static final String QC_REQUEST = """
            {"stage": "QC_TESTED", "occurredAt": "2026-12-11T16:00:00Z", "site": "MFG-GENT-01",
             "data": {"results": [
               {"test": "VIABILITY", "value": 91.2, "unit": "%", "method": "FLOW-7AAD"},
               {"test": "CAR_POSITIVE_VIABLE_CELLS", "value": 300000000, "unit": "cells", "method": "FLOW-CAR"},
               {"test": "STERILITY", "outcome": "NEGATIVE", "method": "BACT-ALERT"},
               {"test": "MYCOPLASMA", "outcome": "NEGATIVE", "method": "PCR-MYCO"},
               {"test": "ENDOTOXIN", "value": 1.2, "unit": "EU/mL", "method": "LAL-KINETIC"},
               {"test": "VECTOR_COPY_NUMBER", "value": 1.8, "unit": "copies/cell", "method": "DDPCR-VCN"}]}}""";

    static final String ALLOCATION_REQUEST = """
            {"stage": "ALLOCATED", "occurredAt": "2026-12-14T08:00:00Z", "site": "MFG-GENT-01",
             "data": {"unitId": "V2V7K3Q9P2XRTB-D01", "recipientReference": "RCP-GENT-0007"}}""";

    static final String INFUSION_REQUEST = """
            {"stage": "INFUSED", "occurredAt": "2026-12-16T11:05:00Z", "site": "SITE-LYON-01",
             "data": {"unitId": "V2V7K3Q9P2XRTB-01",
                      "identityCheck": {"scannedCoi": "V2V7K3Q9P2XRTB", "scannedUnitId": "V2V7K3Q9P2XRTB-01",
                                        "patientReference": "PSN-7F3K-22", "witness": "op-0815"}}}""";

    static final String LATE_RECEIPT_REQUEST = """
            {"stage": "RECEIVED_AT_MANUFACTURING", "occurredAt": "2026-11-27T12:40:00Z", "site": "MFG-GENT-01",
             "deviationReference": "DEV-2026-0117",
             "data": {"identityCheck": {"scannedCoi": "V2V7K3Q9P2XRTB", "witness": "op-0815"}, "condition": "INTACT",
                      "temperatureOnArrivalC": 5.1}}""";

    private StepExamples() {
    }
}
