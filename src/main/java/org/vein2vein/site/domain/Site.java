package org.vein2vein.site.domain;

import java.util.Objects;
import java.util.regex.Pattern;

import org.vein2vein.kernel.Identifiers;

/**
 * A site as reference data: the code batches name it by, and what it is. Every change makes a new
 * version, starting at 1; the version is what clients send back as If-Match.
 */
public record Site(String code, String name, SiteKind kind, String organisation, boolean active, long version) {

    /**
     * An organisation's or facility's name: letters of any script, digits, spaces and the
     * punctuation of such names; no quotes, markup, control or invisible characters. It begins and
     * ends with a letter or digit (or a closing '.' or ')'), so there is no padding to hide in.
     */
    public static final String NAME = "[\\p{L}\\p{N}](?:[\\p{L}\\p{M}\\p{N} .,'&()/-]{0,118}[\\p{L}\\p{M}\\p{N}.)])?";
    private static final Pattern NAME_PATTERN = Pattern.compile(NAME);

    public Site {
        requireShape(Identifiers.isReference(code), "code");
        requireShape(name != null && NAME_PATTERN.matcher(name).matches(), "name");
        Objects.requireNonNull(kind, "kind");
        requireShape(Identifiers.isReference(organisation), "organisation");
        if (version < 1) {
            throw new IllegalArgumentException("a site's version starts at 1");
        }
    }

    /** A new site: active, version 1. */
    public static Site create(String code, String name, SiteKind kind, String organisation) {
        return new Site(code, name, kind, organisation, true, 1);
    }

    /** The same site with these values, as its next version. */
    public Site revise(String newName, SiteKind newKind, String newOrganisation, boolean nowActive) {
        return new Site(code, newName, newKind, newOrganisation, nowActive, version + 1);
    }

    private static void requireShape(boolean valid, String field) {
        if (!valid) {
            throw new IllegalArgumentException("a site's " + field + " does not have the shape of one");
        }
    }
}
