package org.vein2vein.site.application;

/** A site with the code exists already: codes are never reused, a site is changed with PUT. */
public class SiteExistsException extends RuntimeException {

    private final String code;

    public SiteExistsException(String code) {
        super("a site with code " + code + " already exists");
        this.code = code;
    }

    public String code() {
        return code;
    }
}
