package org.vein2vein.batch.application;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.vein2vein.batch.domain.rules.Refusal;
import org.vein2vein.batch.domain.rules.Step;

/**
 * The one place the JSON of a step's ledger event is made, from the typed data of its stage: absent and empty
 * values left out, numbers as sent (70.50 stays 70.50), and what the service adds beside the data.
 */
@ApplicationScoped
public class StepPayloads {

    private final ObjectMapper writer;

    public StepPayloads(ObjectMapper mapper) {
        this.writer = mapper.copy().setDefaultPropertyInclusion(JsonInclude.Include.NON_EMPTY)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    }

    /** A recorded step: its data, the deviation it was accepted under, and what the rules noted (e.g. the QC assessment). */
    public ObjectNode recorded(Step step, Map<String, Object> notes) {
        ObjectNode payload = data(step);
        step.deviationReference().ifPresent(deviation -> payload.put("deviationReference", deviation));
        notes.forEach((name, value) -> payload.set(name, writer.valueToTree(value)));
        return payload;
    }

    /** A refused attempt kept on record: what was tried, and why it was refused. */
    public ObjectNode rejected(Step step, Optional<String> doseUnit, Refusal refusal) {
        ObjectNode payload = writer.createObjectNode();
        payload.put("attemptedStage", step.stage().name());
        doseUnit.ifPresent(unit -> payload.put("unitId", unit));
        payload.put("refusal", refusal.kind().name());
        payload.put("detail", refusal.detail());
        payload.set("details", writer.valueToTree(refusal.details()));
        payload.set("data", data(step));
        return payload;
    }

    /** The hold the service records after an identity mismatch. */
    public ObjectNode hold(long rejectedAttempt, Optional<String> doseUnit) {
        ObjectNode payload = writer.createObjectNode().put("reason", "IDENTITY_DOUBT")
                .put("rejectedAttempt", rejectedAttempt);
        doseUnit.ifPresent(unit -> payload.put("unitId", unit));
        return payload;
    }

    /** A receipt of a batch (or dose) on hold: it stays held, and will resume from this receipt. */
    public ObjectNode receivedWhileHeld(Step step, Optional<String> doseUnit) {
        ObjectNode payload = writer.createObjectNode().put("receivedStage", step.stage().name())
                .put("heldAtReceipt", true).put("resumeStage", step.stage().name());
        doseUnit.ifPresent(unit -> payload.put("unitId", unit));
        payload.set("data", data(step));
        return payload;
    }

    /** The hold the service records after a temperature excursion on a shipment. */
    public ObjectNode excursionHold(long excursionEvent, String shipmentId, Optional<String> doseUnit) {
        ObjectNode payload = writer.createObjectNode().put("reason", "TEMPERATURE_EXCURSION")
                .put("excursionEvent", excursionEvent).put("shipmentId", shipmentId);
        doseUnit.ifPresent(unit -> payload.put("unitId", unit));
        return payload;
    }

    private ObjectNode data(Step step) {
        return writer.valueToTree(step.data());
    }
}
