package org.vein2vein.batch.application;

/** A technician acting at a site that their token does not list. */
public class SiteNotPermittedException extends RuntimeException {

    private final String site;

    public SiteNotPermittedException(String site) {
        super("your token does not list site " + site + ": you may only act at your own sites");
        this.site = site;
    }

    public String site() {
        return site;
    }
}
