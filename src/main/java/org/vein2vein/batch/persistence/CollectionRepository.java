package org.vein2vein.batch.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.vein2vein.kernel.Coi;

/** The collections of batches by donation identification number (table collection). */
@ApplicationScoped
public class CollectionRepository {

    private final EntityManager entityManager;

    public CollectionRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public boolean exists(String donationId) {
        return !entityManager.createNativeQuery("select 1 from collection where donation_id = :din")
                .setParameter("din", donationId)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    /** Adds the collection; false when another batch took its donation id meanwhile. */
    public boolean add(Coi coi, String donationId, Instant collectedAt) {
        return entityManager.createNativeQuery("insert into collection (donation_id, coi, collected_at) "
                + "values (:din, :coi, :at) on conflict (donation_id) do nothing")
                .setParameter("din", donationId)
                .setParameter("coi", coi.value())
                .setParameter("at", Timestamp.from(collectedAt))
                .executeUpdate() == 1;
    }

    /** The donation ids of the batch's collections, oldest first. */
    @SuppressWarnings("unchecked")
    public List<String> of(Coi coi) {
        return entityManager.createNativeQuery("select donation_id from collection where coi = :coi "
                + "order by collected_at, donation_id")
                .setParameter("coi", coi.value())
                .getResultList();
    }
}
