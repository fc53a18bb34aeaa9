package org.vein2vein.site.application;

import org.vein2vein.site.domain.SiteKind;

/** What an administrator sets on a site, apart from its code. */
public record SiteValues(String name, SiteKind kind, String organisation, boolean active) {
}
