package org.vein2vein.shipper.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ShipperRepository implements PanacheRepositoryBase<ShipperEntity, String> {

    public Optional<ShipperEntity> find(String id) {
        return findByIdOptional(id);
    }

    /**
     * Loads the shipper and locks its row until the transaction ends: of two changes made against
     * the same version, the second sees the first's version and is refused.
     */
    public Optional<ShipperEntity> findForUpdate(String id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public boolean exists(String id) {
        return count("id", id) > 0;
    }

    /**
     * Takes a transaction-scoped lock on an id before it is created: of two requests creating the
     * same id at once, the second waits, then finds the shipper and is refused, never a key violation.
     */
    public void lockId(String id) {
        getEntityManager().createNativeQuery("select 1 from pg_advisory_xact_lock(hashtextextended(:id, 0))")
                .setParameter("id", "shipper:" + id)
                .getSingleResult();
    }

    /** Up to {@code limit} shippers from {@code fromId} on, in id order. */
    public List<ShipperEntity> page(String fromId, int limit) {
        return find("id >= ?1", Sort.by("id"), fromId).page(Page.ofSize(limit)).list();
    }
}
