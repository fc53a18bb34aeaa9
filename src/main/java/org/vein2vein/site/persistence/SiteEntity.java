package org.vein2vein.site.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.vein2vein.site.domain.Site;
import org.vein2vein.site.domain.SiteKind;

/**
 * The current version of a site; {@code site_revision} holds every version. The version is
 * compared under the row's lock ({@link SiteRepository#findForUpdate}), not by Hibernate's
 * optimistic locking, because clients name it: it is part of the record, starting at 1.
 */
@Entity
@Table(name = "site")
public class SiteEntity {

    @Id
    @Column(name = "code", length = 64)
    String code;

    @Column(name = "name", nullable = false, length = 120)
    String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    SiteKind kind;

    @Column(name = "organisation", nullable = false, length = 64)
    String organisation;

    @Column(name = "active", nullable = false)
    boolean active;

    @Column(name = "version", nullable = false)
    long version;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected SiteEntity() {
    }

    public static SiteEntity of(Site site, Instant now) {
        SiteEntity entity = new SiteEntity();
        entity.code = site.code();
        entity.createdAt = now;
        entity.apply(site, now);
        return entity;
    }

    /** Takes over the values of {@code site}, a later version of the same site. */
    public void apply(Site site, Instant now) {
        if (!site.code().equals(code)) {
            throw new IllegalArgumentException("a site entity only takes the values of its own site");
        }
        name = site.name();
        kind = site.kind();
        organisation = site.organisation();
        active = site.active();
        version = site.version();
        updatedAt = now;
    }

    public Site toDomain() {
        return new Site(code, name, kind, organisation, active, version);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
