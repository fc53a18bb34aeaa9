package org.vein2vein.batch.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

import org.vein2vein.kernel.BatchType;
import org.vein2vein.kernel.Coi;

@ApplicationScoped
public class BatchRepository implements PanacheRepositoryBase<BatchEntity, String> {

    public Optional<BatchEntity> find(Coi coi) {
        return findByIdOptional(coi.value());
    }

    /**
     * Loads the batch and locks its row until the transaction ends, so that steps on one batch
     * are applied one at a time and its ledger stays gapless.
     */
    public Optional<BatchEntity> findForUpdate(Coi coi) {
        return findByIdOptional(coi.value(), LockModeType.PESSIMISTIC_WRITE);
    }

    public boolean exists(Coi coi) {
        return count("coi", coi.value()) > 0;
    }

    /** The allogeneic lots made for (from) the subject: a donor's lots, oldest first. */
    public List<Coi> lotsOf(String subjectReference) {
        return find("subjectReference = ?1 and type = ?2", Sort.by("registeredAt").and("coi"), subjectReference,
                BatchType.ALLOGENEIC).stream().map(batch -> new Coi(batch.coi)).toList();
    }
}
