package org.vein2vein.site.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class SiteRepository implements PanacheRepositoryBase<SiteEntity, String> {

    public Optional<SiteEntity> find(String code) {
        return findByIdOptional(code);
    }

    /**
     * Loads the site and locks its row until the transaction ends: of two changes made against the
     * same version, the second sees the first's version and is refused.
     */
    public Optional<SiteEntity> findForUpdate(String code) {
        return findByIdOptional(code, LockModeType.PESSIMISTIC_WRITE);
    }

    public boolean exists(String code) {
        return count("code", code) > 0;
    }

    /**
     * Takes a transaction-scoped lock on a code before it is created: of two requests creating the
     * same code at once, the second waits, then finds the site and is refused, never a key violation.
     */
    public void lockCode(String code) {
        getEntityManager().createNativeQuery("select 1 from pg_advisory_xact_lock(hashtextextended(:code, 0))")
                .setParameter("code", "site:" + code)
                .getSingleResult();
    }

    /** Up to {@code limit} sites from {@code fromCode} on, in code order. */
    public List<SiteEntity> page(String fromCode, int limit) {
        return find("code >= ?1", Sort.by("code"), fromCode).page(Page.ofSize(limit)).list();
    }
}
