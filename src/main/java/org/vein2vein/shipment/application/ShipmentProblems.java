package org.vein2vein.shipment.application;

import java.util.Map;
import java.util.function.Supplier;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemType;
import org.vein2vein.shipment.domain.ShipmentRefusal;
import org.vein2vein.shipment.domain.ShipmentRefusedException;

/** How a shipment rule's refusal reads as a problem: one type per kind, its facts as members. */
final class ShipmentProblems {

    private ShipmentProblems() {
    }

    /** Runs a transition, turning a refusal of the shipment rules into its problem (the transaction rolls back). */
    static <T> T refusing(Supplier<T> transition) {
        try {
            return transition.get();
        } catch (ShipmentRefusedException e) {
            throw new ProblemException(of(e.refusal()));
        }
    }

    static Problem of(ShipmentRefusal refusal) {
        Problem problem = Problem.of(typeOf(refusal.kind()), refusal.detail());
        for (Map.Entry<String, Object> fact : refusal.details().entrySet()) {
            problem = problem.with(fact.getKey(), fact.getValue());
        }
        return problem;
    }

    private static ProblemType typeOf(ShipmentRefusal.Kind kind) {
        return switch (kind) {
            case OUT_OF_ORDER -> ProblemType.SHIPMENT_OUT_OF_ORDER;
            case NOT_THE_CUSTODIAN -> ProblemType.NOT_THE_CUSTODIAN;
            case NOT_ADDRESSED_TO_CALLER -> ProblemType.HANDOVER_NOT_ADDRESSED_TO_CALLER;
            case UNIT_NOT_SHIPPABLE -> ProblemType.UNIT_NOT_SHIPPABLE;
            case NOT_THE_BATCH_DESTINATION -> ProblemType.NOT_THE_BATCH_DESTINATION;
            case RECEIVED_UNITS_DIFFER -> ProblemType.RECEIVED_UNITS_DIFFER;
            case ARRIVAL_TEMPERATURE_OUT_OF_RANGE -> ProblemType.ARRIVAL_TEMPERATURE_OUT_OF_RANGE;
            case INVALID -> ProblemType.SHIPMENT_OUT_OF_ORDER;
        };
    }
}
