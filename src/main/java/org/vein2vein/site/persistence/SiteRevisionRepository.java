package org.vein2vein.site.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class SiteRevisionRepository implements PanacheRepositoryBase<SiteRevisionEntity, SiteRevisionEntity.Key> {

    /** Up to {@code limit} revisions of the site from {@code fromVersion} on, oldest first. */
    public List<SiteRevisionEntity> page(String code, long fromVersion, int limit) {
        return find("key.siteCode = ?1 and key.version >= ?2", Sort.by("key.version"), code, fromVersion)
                .page(Page.ofSize(limit)).list();
    }
}
