package org.vein2vein.batch.persistence;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.vein2vein.kernel.Coi;
import org.vein2vein.kernel.Stage;

/** The sites a batch has been at or is on its way to (table batch_site). */
@ApplicationScoped
public class BatchSiteRepository {

    private final EntityManager entityManager;

    public BatchSiteRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void add(Coi coi, String site) {
        entityManager.createNativeQuery("insert into batch_site (coi, site) values (:coi, :site) on conflict do nothing")
                .setParameter("coi", coi.value())
                .setParameter("site", site)
                .executeUpdate();
    }

    /** Whether the batch has been at, or is heading to, any of {@code sites}. */
    public boolean anyOf(Coi coi, Set<String> sites) {
        if (sites.isEmpty()) {
            return false;
        }
        return !entityManager.createNativeQuery("select 1 from batch_site where coi = :coi and site in (:sites)")
                .setParameter("coi", coi.value())
                .setParameter("sites", sites)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    /** The batches still under way that have been at, or head to, one of {@code sites}. */
    public Set<String> activeAt(Set<String> sites) {
        if (sites.isEmpty()) {
            return Set.of();
        }
        List<String> finalStages = Arrays.stream(Stage.values()).filter(Stage::isFinal).map(Stage::name).toList();
        List<?> cois = entityManager.createNativeQuery("select distinct s.coi from batch_site s "
                + "join batch b on b.coi = s.coi where s.site in (:sites) and b.stage not in (:final)")
                .setParameter("sites", sites)
                .setParameter("final", finalStages)
                .getResultList();
        return cois.stream().map(String.class::cast).collect(Collectors.toUnmodifiableSet());
    }
}
