package org.vein2vein.batch.application;

import java.util.List;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemType;

/** A batch registered at a site the registry does not hold, holds as inactive, or as a site that does not collect cells. */
public class CollectionSiteNotApplicableException extends ProblemException {

    public CollectionSiteNotApplicableException(String why) {
        super(Problem.of(ProblemType.INVALID_REQUEST, "Field 'collectionSite' " + why + ".")
                .withViolations(List.of(new Problem.Violation("collectionSite", why))));
    }
}
