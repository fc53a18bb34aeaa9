package org.vein2vein.batch.application;

import java.util.List;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemType;

/** A treatment site named for an allogeneic lot, or one the registry lacks, holds as inactive, or as not treating patients. */
public class TreatmentSiteNotApplicableException extends ProblemException {

    public TreatmentSiteNotApplicableException(String why) {
        super(Problem.of(ProblemType.INVALID_REQUEST, "Field 'treatmentSite' " + why + ".")
                .withViolations(List.of(new Problem.Violation("treatmentSite", why))));
    }
}
