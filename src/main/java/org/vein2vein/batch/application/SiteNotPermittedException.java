package org.vein2vein.batch.application;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemType;

/** A technician acting at a site that their token does not list. */
public class SiteNotPermittedException extends ProblemException {

    public SiteNotPermittedException(String site) {
        super(Problem.of(ProblemType.SITE_NOT_PERMITTED, "Your token does not list site " + site
                + ": you may only act at your own sites.").with("site", site));
    }
}
