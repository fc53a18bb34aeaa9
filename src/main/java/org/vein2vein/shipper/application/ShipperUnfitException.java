package org.vein2vein.shipper.application;

import java.util.List;
import java.util.stream.Collectors;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemType;
import org.vein2vein.shipper.domain.Unfitness;

/**
 * The shipper may not carry the shipment ({@code ShipperFitness}). The answer names the first
 * reason as {@code reason}, every reason in {@code reasons}, and the figures behind each.
 */
public class ShipperUnfitException extends ProblemException {

    public ShipperUnfitException(String shipperId, List<Unfitness> reasons) {
        super(problem(shipperId, reasons));
    }

    private static Problem problem(String shipperId, List<Unfitness> reasons) {
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("an unfit shipper has at least one reason");
        }
        Problem problem = Problem.of(ProblemType.SHIPPER_UNFIT,
                        reasons.stream().map(Unfitness::detail).collect(Collectors.joining(" ")))
                .with("shipperId", shipperId)
                .with("reason", reasons.get(0).reason().name())
                .with("reasons", reasons.stream().map(unfitness -> unfitness.reason().name()).toList());
        for (Unfitness unfitness : reasons) {
            for (var figure : unfitness.figures().entrySet()) {
                problem = problem.with(figure.getKey(), figure.getValue());
            }
        }
        return problem;
    }
}
