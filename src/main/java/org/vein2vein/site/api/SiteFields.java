package org.vein2vein.site.api;

import org.vein2vein.kernel.Identifiers;
import org.vein2vein.site.domain.Site;

/** The shapes of a site's fields as clients send them, with the messages that explain them. */
final class SiteFields {

    static final String CODE = Identifiers.REFERENCE;
    static final String CODE_MESSAGE = "must be a site code: 3 to 64 letters, digits, '.', '_', ':' or '-'";
    static final String NAME = Site.NAME;
    static final String NAME_MESSAGE = "must be an organisation's or facility's name: 1 to 120 letters, digits, "
            + "spaces or . , ' & ( ) / -, beginning with a letter or digit and ending with one, '.' or ')'";
    static final String ORGANISATION_MESSAGE =
            "must be an organisation code: 3 to 64 letters, digits, '.', '_', ':' or '-'";

    private SiteFields() {
    }
}
