package org.vein2vein.site.application;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemType;

/** The client's If-Match named a version that is no longer the site's current one. */
public class StaleSiteException extends ProblemException {

    public StaleSiteException(long expected, long current) {
        super(Problem.of(ProblemType.PRECONDITION_FAILED, "The site has changed since you read it: If-Match named "
                + "version " + (expected < 1 ? "(weak tag)" : Long.toString(expected)) + ", the site is at version "
                + current + ". Read the site again and decide anew.").with("currentVersion", current),
                Long.toString(current));
    }
}
