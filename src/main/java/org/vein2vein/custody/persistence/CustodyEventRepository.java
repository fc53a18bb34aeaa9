package org.vein2vein.custody.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

import org.vein2vein.custody.domain.CustodyEvent;
import org.vein2vein.custody.domain.LedgerHead;
import org.vein2vein.kernel.Actor;
import org.vein2vein.platform.persistence.NativeValues;

@ApplicationScoped
public class CustodyEventRepository implements PanacheRepositoryBase<CustodyEventEntity, UUID> {

    /**
     * Stores the event and moves the ledger's recorded head to it. The head moves only from the
     * event before: an append that does not continue the head it read fails instead of forking.
     */
    public void append(CustodyEvent event) {
        persist(CustodyEventEntity.of(event));
        int moved = getEntityManager().createNativeQuery("""
                insert into ledger_head (coi, sequence, hash, last_occurred_at) values (:coi, :sequence, :hash, :at)
                on conflict (coi) do update set sequence = excluded.sequence, hash = excluded.hash,
                    last_occurred_at = excluded.last_occurred_at
                where ledger_head.sequence = excluded.sequence - 1""")
                .setParameter("coi", event.coi())
                .setParameter("sequence", event.sequence())
                .setParameter("hash", event.hash())
                .setParameter("at", event.occurredAt())
                .executeUpdate();
        if (moved != 1) {
            throw new IllegalStateException("event " + event.sequence() + " of " + event.coi()
                    + " does not continue the ledger's recorded head");
        }
    }

    /** The whole ledger of one batch, oldest first. */
    public List<CustodyEvent> history(String coi) {
        return find("coi", Sort.ascending("sequence"), coi).stream().map(CustodyEventEntity::toDomain).toList();
    }

    public Optional<CustodyEvent> event(String coi, long sequence) {
        return find("coi = ?1 and sequence = ?2", coi, sequence).firstResultOptional()
                .map(CustodyEventEntity::toDomain);
    }

    /**
     * The newest event the service appended to a batch's ledger, to chain the next one to: read
     * from the recorded head, not from the newest row, which a deletion could have taken away.
     */
    public LedgerHead head(String coi) {
        return recordedHead(coi).orElse(LedgerHead.GENESIS);
    }

    /** The recorded head, empty before the first event. */
    public Optional<LedgerHead> recordedHead(String coi) {
        List<?> rows = getEntityManager().createNativeQuery(
                "select sequence, hash, last_occurred_at from ledger_head where coi = :coi")
                .setParameter("coi", coi)
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] columns = (Object[]) row;
            return new LedgerHead(((Number) columns[0]).longValue(), (String) columns[1],
                    Optional.of(NativeValues.instant(columns[2])));
        });
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
