package org.vein2vein.site.application;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemType;

/** No site has the code. */
public class SiteNotFoundException extends ProblemException {

    public SiteNotFoundException(String code) {
        super(Problem.of(ProblemType.SITE_NOT_FOUND, "No site has code " + code + "."));
    }
}
