package org.vein2vein.site.application;

/** No site has the code. */
public class SiteNotFoundException extends RuntimeException {

    public SiteNotFoundException(String code) {
        super("no site has code " + code);
    }
}
