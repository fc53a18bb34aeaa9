package org.vein2vein.site.persistence;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import org.vein2vein.platform.persistence.ActorColumns;
import org.vein2vein.site.domain.Site;
import org.vein2vein.site.domain.SiteKind;
import org.vein2vein.site.domain.SiteRevision;

/** One version of a site, append-only: the database refuses to change or remove it. */
@Entity
@Immutable
@Table(name = "site_revision")
public class SiteRevisionEntity {

    @EmbeddedId
    Key key;

    @Column(name = "name", nullable = false, length = 120)
    String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    SiteKind kind;

    @Column(name = "organisation", nullable = false, length = 64)
    String organisation;

    @Column(name = "active", nullable = false)
    boolean active;

    @Column(name = "revised_at", nullable = false)
    Instant revisedAt;

    @Embedded
    ActorColumns revisedBy;

    protected SiteRevisionEntity() {
    }

    public static SiteRevisionEntity of(SiteRevision revision) {
        Site site = revision.site();
        SiteRevisionEntity entity = new SiteRevisionEntity();
        entity.key = new Key(site.code(), site.version());
        entity.name = site.name();
        entity.kind = site.kind();
        entity.organisation = site.organisation();
        entity.active = site.active();
        entity.revisedAt = revision.revisedAt();
        entity.revisedBy = ActorColumns.of(revision.revisedBy());
        return entity;
    }

    public SiteRevision toDomain() {
        return new SiteRevision(new Site(key.siteCode, name, kind, organisation, active, key.version), revisedAt,
                revisedBy.toActor());
    }

    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "site_code", length = 64)
        String siteCode;

        @Column(name = "version")
        long version;

        protected Key() {
        }

        Key(String siteCode, long version) {
            this.siteCode = siteCode;
            this.version = version;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.siteCode.equals(siteCode) && key.version == version;
        }

        @Override
        public int hashCode() {
            return siteCode.hashCode() * 31 + Long.hashCode(version);
        }
    }
}
