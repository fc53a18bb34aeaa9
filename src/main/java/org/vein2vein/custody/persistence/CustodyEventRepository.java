package org.vein2vein.custody.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

import org.vein2vein.custody.domain.Actor;
import org.vein2vein.custody.domain.CustodyEvent;
import org.vein2vein.custody.domain.CustodyEventType;
import org.vein2vein.custody.domain.LedgerHead;
import org.vein2vein.platform.persistence.NativeValues;

@ApplicationScoped
public class CustodyEventRepository implements PanacheRepositoryBase<CustodyEventEntity, UUID> {

    public void append(CustodyEvent event) {
        persist(CustodyEventEntity.of(event));
    }

    /** The whole ledger of one batch, oldest first. */
    public List<CustodyEvent> history(String coi) {
        return find("coi", Sort.ascending("sequence"), coi).stream().map(CustodyEventEntity::toDomain).toList();
    }

    public Optional<CustodyEvent> event(String coi, long sequence) {
        return find("coi = ?1 and sequence = ?2", coi, sequence).firstResultOptional()
                .map(CustodyEventEntity::toDomain);
    }

    /** The newest event of a batch's ledger, to chain the next one to. */
    public LedgerHead head(String coi) {
        return find("coi", Sort.descending("sequence"), coi).firstResultOptional()
                .map(entity -> LedgerHead.of(entity.toDomain()))
                .orElse(LedgerHead.GENESIS);
    }

    /** The newest event of the given type and stage in a batch's ledger. */
    public Optional<CustodyEvent> latest(String coi, CustodyEventType type, String stage) {
        return find("coi = ?1 and type = ?2 and stage = ?3", Sort.descending("sequence"), coi, type, stage)
                .firstResultOptional().map(CustodyEventEntity::toDomain);
    }

    /**
     * When the newest event a person recorded happened: the service's own events (clock alerts,
     * holds) are dated by rule, at a threshold or deadline, not by when anyone acted.
     */
    public Optional<Instant> lastOccurredAtByPeople(String coi) {
        Object last = getEntityManager().createNativeQuery("select max(occurred_at) from custody_event "
                + "where coi = :coi and actor_role <> :system")
                .setParameter("coi", coi)
                .setParameter("system", Actor.SYSTEM_ROLE)
                .getSingleResult();
        return Optional.ofNullable(last).map(NativeValues::instant);
    }
}
