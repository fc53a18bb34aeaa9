package org.vein2vein.site.application;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemType;

/** A site with the code exists already: codes are never reused, a site is changed with PUT. */
public class SiteExistsException extends ProblemException {

    public SiteExistsException(String code) {
        super(Problem.of(ProblemType.SITE_EXISTS, "A site with code " + code + " already exists: change it with PUT "
                + "/api/v1/sites/" + code + ".").with("code", code));
    }
}
