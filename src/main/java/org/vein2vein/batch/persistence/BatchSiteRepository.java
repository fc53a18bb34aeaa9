package org.vein2vein.batch.persistence;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.vein2vein.kernel.Coi;
import org.vein2vein.kernel.Stage;
import org.vein2vein.platform.persistence.TransactionMemo;

/** The sites a batch has been at or is on its way to (table batch_site). */
@ApplicationScoped
public class BatchSiteRepository {

    /** The key under which a transaction keeps the sites it found a batch has (rows are never deleted). */
    private record KnownSites(String coi) {
    }

    private final EntityManager entityManager;
    private final TransactionMemo memo;

    public BatchSiteRepository(EntityManager entityManager, TransactionMemo memo) {
        this.entityManager = entityManager;
        this.memo = memo;
    }

    /** Notes that the batch has been at, or heads to, {@code site}; nothing to write when this transaction saw it. */
    public void add(Coi coi, String site) {
        Optional<Set<String>> known = memo.kept(new KnownSites(coi.value()));
        if (known.isPresent() && known.get().contains(site)) {
            return;
        }
        entityManager.createNativeQuery("insert into batch_site (coi, site) values (:coi, :site) on conflict do nothing")
                .setParameter("coi", coi.value())
                .setParameter("site", site)
                .executeUpdate();
        known.ifPresent(sites -> sites.add(site));
    }

    /** Whether the batch has been at, or is heading to, any of {@code sites}. */
    public boolean anyOf(Coi coi, Set<String> sites) {
        if (sites.isEmpty()) {
            return false;
        }
        List<?> found = entityManager.createNativeQuery("select site from batch_site where coi = :coi and site in (:sites)")
                .setParameter("coi", coi.value())
                .setParameter("sites", sites)
                .getResultList();
        Set<String> known = new HashSet<>();
        found.forEach(site -> known.add((String) site));
        memo.keep(new KnownSites(coi.value()), known);
        return !known.isEmpty();
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
