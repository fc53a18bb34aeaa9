package org.vein2vein.site.domain;

/** What a site does in a therapy's journey. */
public enum SiteKind {
    /** Collects cells from patients or donors (apheresis). */
    COLLECTION,
    /** Modifies, expands and formulates the cells. */
    MANUFACTURING,
    /** Thaws and infuses the product. */
    TREATMENT,
    /** Keeps the product cryopreserved between steps. */
    STORAGE
}
