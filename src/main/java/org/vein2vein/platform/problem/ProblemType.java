package org.vein2vein.platform.problem;

import java.net.URI;

/**
 * Every kind of problem the API answers with. The {@code type} URI of each is stable: clients may
 * branch on it. docs/api.md lists them all.
 */
public enum ProblemType {
    MALFORMED_JSON("malformed-json", 400, "The request body is not well-formed JSON"),
    INVALID_REQUEST("invalid-request", 400, "The request is not valid"),
    INVALID_COI("invalid-coi", 400, "The COI is not valid"),
    OCCURRED_AT_IN_FUTURE("occurred-at-in-future", 400, "The step is dated in the future"),
    UNAUTHENTICATED("unauthenticated", 401, "Authentication required"),
    FORBIDDEN("forbidden", 403, "Not allowed"),
    SITE_NOT_PERMITTED("site-not-permitted", 403, "Not allowed at this site"),
    NOT_FOUND("not-found", 404, "No such resource"),
    BATCH_NOT_FOUND("batch-not-found", 404, "No batch has this COI"),
    CUSTODY_EVENT_NOT_FOUND("custody-event-not-found", 404, "The batch's ledger has no such event"),
    SITE_NOT_FOUND("site-not-found", 404, "No site has this code"),
    PRODUCT_NOT_FOUND("product-not-found", 404, "No such product or product version"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "The method is not allowed on this resource"),
    NOT_ACCEPTABLE("not-acceptable", 406, "No acceptable representation"),
    STEP_OUT_OF_ORDER("step-out-of-order", 409, "The step is out of order"),
    SITE_EXISTS("site-exists", 409, "A site with this code already exists"),
    PRODUCT_EXISTS("product-exists", 409, "A product with this code exists already"),
    TIME_WINDOW_MISSED("time-window-missed", 409, "The step missed its time window"),
    IDENTITY_MISMATCH("identity-mismatch", 409, "The identity check failed"),
    SECOND_VERIFIER_REQUIRED("second-verifier-required", 409, "A second, different verifier is required"),
    RELEASE_SPECIFICATION_NOT_MET("release-specification-not-met", 409,
            "The QC results are not all in and within the release specification"),
    WITHIN_SPECIFICATION("within-specification", 409, "The QC results are all within the release specification"),
    UNIT_NOT_AT_SITE("unit-not-at-site", 409, "A unit the step handles is not at the step's site"),
    MATERIAL_NOT_AT_SITE("material-not-at-site", 409, "The batch's material is not all at the step's site"),
    BATCH_HELD_ELSEWHERE("batch-held-elsewhere", 409, "Only the site holding all of the batch, or QA, may do this"),
    UNIT_NOT_THAWED("unit-not-thawed", 409, "The unit was never thawed"),
    UNIT_ALREADY_THAWED("unit-already-thawed", 409, "The unit was thawed already"),
    RECORDED_BY_SHIPMENTS("recorded-by-shipments", 409, "Shipments record this stage"),
    UNIT_NOT_FOUND("unit-not-found", 404, "No unit has this id"),
    SHIPMENT_NOT_FOUND("shipment-not-found", 404, "No shipment has this id"),
    SHIPMENT_OUT_OF_ORDER("shipment-out-of-order", 409, "The shipment is not at a status that allows this"),
    UNIT_NOT_SHIPPABLE("unit-not-shippable", 409, "A unit cannot travel on this shipment"),
    UNIT_ON_ANOTHER_SHIPMENT("unit-on-another-shipment", 409, "A unit is on another open shipment"),
    NOT_THE_BATCH_DESTINATION("not-the-batch-destination", 409, "The shipment goes to a site its units are not bound for"),
    RECEIVED_UNITS_DIFFER("received-units-differ", 409, "The units received are not the units packed"),
    ARRIVAL_TEMPERATURE_OUT_OF_RANGE("arrival-temperature-out-of-range", 409,
            "The shipment arrived outside its temperature class"),
    NOT_THE_CUSTODIAN("not-the-custodian", 409, "Only the party holding the shipment may hand it over"),
    HANDOVER_NOT_ADDRESSED_TO_CALLER("handover-not-addressed-to-caller", 409,
            "The handover is addressed to another party"),
    TEMPERATURE_CLASS_MISMATCH("temperature-class-mismatch", 409,
            "The shipment's temperature class is not the product's"),
    UNIT_NOT_IN_BATCH("unit-not-in-batch", 409, "The batch has no such unit"),
    UNIT_ID_IN_USE("unit-id-in-use", 409, "The unit id is already in use"),
    DONATION_ID_IN_USE("donation-id-in-use", 409, "The donation id is already in use"),
    DOSE_ALREADY_ALLOCATED("dose-already-allocated", 409, "The dose is allocated already"),
    LABELLED_DOSE_OUT_OF_RANGE("labelled-dose-out-of-range", 409,
            "A unit's labelled dose is outside the product's dose range"),
    REQUEST_IN_FLIGHT("request-in-flight", 409, "A request with this idempotency key is still being processed"),
    PRECONDITION_FAILED("precondition-failed", 412, "The resource has changed since you read it"),
    PRECONDITION_REQUIRED("precondition-required", 428, "The request must be conditional"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422,
            "The idempotency key was already used for a different request"),
    TOO_MANY_REQUESTS("too-many-requests", 429, "Too many requests"),
    OCCURRED_BEFORE_PREVIOUS_EVENT("occurred-before-previous-event", 409,
            "The step is dated before the batch's previous event"),
    REQUEST_TIMEOUT("request-timeout", 408, "The request did not arrive in time"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "The request body is too large"),
    URI_TOO_LONG("uri-too-long", 414, "The request line is too long"),
    HEADER_FIELDS_TOO_LARGE("header-fields-too-large", 431, "The request's header fields are too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "The request body's media type is not supported"),
    INTERNAL_ERROR("internal-error", 500, "Internal error"),
    OUTCOME_UNKNOWN("outcome-unknown", 500, "Whether the request was recorded is unknown"),
    SERVICE_UNAVAILABLE("service-unavailable", 503, "The service is temporarily unavailable");

    private static final String TYPE_PREFIX = "urn:vein2vein:problem:";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public URI uri() {
        return URI.create(TYPE_PREFIX + slug);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
