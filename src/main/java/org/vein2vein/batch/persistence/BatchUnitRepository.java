package org.vein2vein.batch.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.vein2vein.batch.domain.BatchUnit;
import org.vein2vein.batch.domain.BatchUnit.Kind;
import org.vein2vein.batch.domain.Dose;
import org.vein2vein.batch.domain.UnitCustody;
import org.vein2vein.batch.domain.StageData.LabelledUnit;
import org.vein2vein.kernel.Coi;
import org.vein2vein.kernel.Stage;
import org.vein2vein.platform.persistence.NativeValues;
import org.vein2vein.platform.persistence.TransactionMemo;

/**
 * The units of batches (table batch_unit): bags of autologous products, doses of allogeneic lots
 * with their own stage and allocation. Doses are read and written under the lot's row lock.
 */
@ApplicationScoped
public class BatchUnitRepository {

    /**
     * A unit as stored; material and bags have no stage of their own.
     *
     * @param destinationSite a dose's: the treatment site of its recipient, named at allocation
     * @param locatedSince    when it came to where it is (or to whom it is held by)
     */
    public record StoredUnit(String coi, String unitId, Kind kind, Optional<Stage> stage,
            Optional<String> recipientReference, Optional<Instant> allocatedAt, Optional<Long> labelledCells,
            Optional<Instant> shippedAt, UnitCustody custody, Optional<Instant> locatedSince,
            Optional<String> destinationSite) {

        /** What the step rules know of the unit. */
        public BatchUnit toDomain() {
            return new BatchUnit(unitId, kind, labelledCells, shippedAt.isPresent(), custody);
        }
    }

    /** A unit and the batch (lot) it belongs to. */
    public record UnitOfLot(String coi, String unitId) {
    }

    /** The key under which a transaction keeps a batch's units: every write here forgets them. */
    private record UnitsOf(String coi) {
    }

    private final EntityManager entityManager;
    private final TransactionMemo memo;

    public BatchUnitRepository(EntityManager entityManager, TransactionMemo memo) {
        this.entityManager = entityManager;
        this.memo = memo;
    }

    /** Of {@code unitIds}, those some batch already has: unit ids are unique across all batches. */
    @SuppressWarnings("unchecked")
    public List<String> inUse(Collection<String> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return entityManager.createNativeQuery("select unit_id from batch_unit where unit_id in (:ids) order by unit_id")
                .setParameter("ids", unitIds)
                .getResultList();
    }

    /**
     * Adds the labelled units to the batch, in the order of their ids, so that two steps adding
     * overlapping units wait for each other instead of deadlocking.
     *
     * @return the unit ids another batch took meanwhile (none were added then: the caller rolls back)
     */
    public List<String> add(Coi coi, Kind kind, List<LabelledUnit> units, Place place, Instant now) {
        List<String> taken = new ArrayList<>();
        for (LabelledUnit unit : units.stream().sorted(Comparator.comparing(LabelledUnit::unitId)).toList()) {
            if (!insert(coi, unit.unitId(), kind, Optional.of(unit.carPositiveViableCells()), place, now)) {
                taken.add(unit.unitId());
            }
        }
        return taken;
    }

    /**
     * Adds collected material, identified by its donation id, at the site it was collected at.
     *
     * @return false when some unit already has that id (the caller rolls back)
     */
    public boolean addMaterial(Coi coi, String donationId, Place place, Instant now) {
        return insert(coi, donationId, Kind.MATERIAL, Optional.empty(), place, now);
    }

    private boolean insert(Coi coi, String unitId, Kind kind, Optional<Long> labelledCells, Place place,
            Instant now) {
        return writing(coi, "insert into batch_unit (unit_id, coi, kind, stage, labelled_cells, created_at, "
                + "location_site, custodian, located_since) values (:unit, :coi, :kind, :stage, :cells, :now, "
                + ":site, :custodian, :since) on conflict (unit_id) do nothing")
                .setParameter("unit", unitId)
                .setParameter("coi", coi.value())
                .setParameter("kind", kind.name())
                .setParameter("stage", kind == Kind.DOSE ? Stage.SPLIT.name() : null)
                .setParameter("cells", labelledCells.orElse(null))
                .setParameter("now", Timestamp.from(now))
                .setParameter("site", place.site())
                .setParameter("custodian", place.custodian().orElse(null))
                .setParameter("since", Timestamp.from(place.since()))
                .executeUpdate() == 1;
    }

    /** A site and the organisation holding units there (empty for a site the registry lacks), since a time. */
    public record Place(String site, Optional<String> custodian, Instant since) {
    }

    /** The batch's live units of this kind ended with {@code stage}: material formulated, a lot's bag split. */
    public void endLive(Coi coi, Kind kind, Stage stage) {
        writing(coi, "update batch_unit set ended_by = :stage where coi = :coi and kind = :kind and ended_by is null")
                .setParameter("stage", stage.name())
                .setParameter("coi", coi.value())
                .setParameter("kind", kind.name())
                .executeUpdate();
    }

    /** The batch's journey ended with {@code stage}: so did each of its units still live. */
    public void endAllLive(Coi coi, Stage stage) {
        writing(coi, "update batch_unit set ended_by = :stage where coi = :coi and ended_by is null")
                .setParameter("stage", stage.name())
                .setParameter("coi", coi.value())
                .executeUpdate();
    }

    /** One unit's life as a unit ended with {@code stage} (infused, or a dose destroyed or cancelled). */
    public void end(Coi coi, String unitId, Stage stage) {
        writing(coi, "update batch_unit set ended_by = :stage where coi = :coi and unit_id = :unit and ended_by is null")
                .setParameter("stage", stage.name())
                .setParameter("coi", coi.value())
                .setParameter("unit", unitId)
                .executeUpdate();
    }

    /** The unit was thawed; a thaw logged again to lift a hold keeps the time of the one real thaw. */
    public void thawed(Coi coi, String unitId, Instant at) {
        writing(coi, "update batch_unit set thawed_at = coalesce(thawed_at, :at) where coi = :coi and unit_id = :unit")
                .setParameter("at", Timestamp.from(at))
                .setParameter("coi", coi.value())
                .setParameter("unit", unitId)
                .executeUpdate();
    }

    /** A dose is allocated to a recipient treated at {@code site}: the one place it may be shipped to. */
    public void bindToSite(Coi lot, String unitId, String site) {
        writing(lot, "update batch_unit set destination_site = :site where coi = :coi and unit_id = :unit")
                .setParameter("site", site)
                .setParameter("coi", lot.value())
                .setParameter("unit", unitId)
                .executeUpdate();
    }

    /** The units left their site on the shipment, still held by {@code custodian}. */
    public void boarded(Coi coi, Collection<String> unitIds, String shipmentId, String custodian, Instant at) {
        writing(coi, "update batch_unit set location_site = null, shipment_id = :shipment, custodian = :custodian, "
                + "located_since = :at where coi = :coi and unit_id in (:units)")
                .setParameter("shipment", shipmentId)
                .setParameter("custodian", custodian)
                .setParameter("at", Timestamp.from(at))
                .setParameter("coi", coi.value())
                .setParameter("units", unitIds)
                .executeUpdate();
    }

    /** Custody of the shipment's units passed to {@code custodian}. */
    public void handedOver(Coi coi, String shipmentId, String custodian, Instant at) {
        writing(coi, "update batch_unit set custodian = :custodian, located_since = :at "
                + "where coi = :coi and shipment_id = :shipment")
                .setParameter("custodian", custodian)
                .setParameter("at", Timestamp.from(at))
                .setParameter("coi", coi.value())
                .setParameter("shipment", shipmentId)
                .executeUpdate();
    }

    /** The shipment's units arrived at its destination, in the custody of the destination. */
    public void arrived(Coi coi, String shipmentId, Place place) {
        writing(coi, "update batch_unit set shipment_id = null, location_site = :site, custodian = :custodian, "
                + "located_since = :at where coi = :coi and shipment_id = :shipment")
                .setParameter("site", place.site())
                .setParameter("custodian", place.custodian().orElse(null))
                .setParameter("at", Timestamp.from(place.since()))
                .setParameter("coi", coi.value())
                .setParameter("shipment", shipmentId)
                .executeUpdate();
    }

    /** The units with these ids, of any batch, in the order of their ids. */
    @SuppressWarnings("unchecked")
    public List<StoredUnit> withIds(Collection<String> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        List<?> rows = entityManager.createNativeQuery(SELECT_UNITS + " where unit_id in (:ids) order by unit_id")
                .setParameter("ids", unitIds)
                .getResultList();
        return rows.stream().map(row -> (Object[]) row).map(BatchUnitRepository::unit).toList();
    }

    /**
     * The batch's latest shipment to the treatment site left at {@code at} with these units; the
     * batch's other bags were not on it. Doses each keep the time of their own latest shipment.
     */
    public void shipped(Coi coi, List<String> unitIds, Instant at) {
        writing(coi, "update batch_unit set shipped_at = case when unit_id in (:units) "
                + "then cast(:at as timestamptz) end where coi = :coi and (kind = 'BAG' or unit_id in (:units))")
                .setParameter("at", Timestamp.from(at))
                .setParameter("coi", coi.value())
                .setParameter("units", unitIds)
                .executeUpdate();
    }

    /** The batch's units, in the order of their ids: read once per transaction unless written since. */
    public List<StoredUnit> of(Coi coi) {
        return memo.remember(new UnitsOf(coi.value()), () -> {
            List<?> rows = entityManager.createNativeQuery(SELECT_UNITS + " where coi = :coi order by unit_id")
                    .setParameter("coi", coi.value())
                    .getResultList();
            return rows.stream().map(row -> (Object[]) row).map(BatchUnitRepository::unit).toList();
        });
    }

    /** The doses allocated to the recipient, oldest allocation first. */
    public List<UnitOfLot> dosesAllocatedTo(String recipientReference) {
        List<?> rows = entityManager.createNativeQuery("select coi, unit_id from batch_unit "
                + "where recipient_reference = :recipient and kind = 'DOSE' order by allocated_at, unit_id")
                .setParameter("recipient", recipientReference)
                .getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(columns -> new UnitOfLot((String) columns[0], (String) columns[1])).toList();
    }

    public Optional<Dose> dose(Coi lot, String unitId) {
        List<?> rows = entityManager.createNativeQuery("select stage, resume_stage, recipient_reference from batch_unit "
                + "where coi = :coi and unit_id = :unit and kind = 'DOSE'")
                .setParameter("coi", lot.value())
                .setParameter("unit", unitId)
                .getResultList();
        return rows.stream().map(row -> (Object[]) row).findFirst().map(row -> new Dose(lot, unitId,
                Stage.valueOf((String) row[0]), Optional.ofNullable((String) row[1]).map(Stage::valueOf),
                Optional.ofNullable((String) row[2])));
    }

    /** Saves the dose's stage, and its allocation the first time it has one. */
    public void save(Dose dose, Instant now) {
        writing(dose.lot(), "update batch_unit set stage = :stage, resume_stage = :resume, "
                + "recipient_reference = coalesce(recipient_reference, cast(:recipient as varchar)), "
                + "allocated_at = case when recipient_reference is null and cast(:recipient as varchar) is not null then :now "
                + "else allocated_at end where unit_id = :unit and coi = :coi")
                .setParameter("stage", dose.stage().name())
                .setParameter("resume", dose.resumeStage().map(Stage::name).orElse(null))
                .setParameter("recipient", dose.recipientReference().orElse(null))
                .setParameter("now", Timestamp.from(now))
                .setParameter("unit", dose.unitId())
                .setParameter("coi", dose.lot().value())
                .executeUpdate();
    }

    /** The lot is in storage: so are the doses that were split from it and have not moved since. */
    public void storeSplitDoses(Coi lot) {
        writing(lot, "update batch_unit set stage = 'STORED' where coi = :coi and kind = 'DOSE' "
                + "and stage = 'SPLIT'")
                .setParameter("coi", lot.value())
                .executeUpdate();
    }

    /** The lot's journey ended ({@code stage}, such as CANCELLED): so did that of each dose still under way. */
    public void endDoses(Coi lot, Stage stage) {
        writing(lot, "update batch_unit set stage = :stage, resume_stage = null "
                + "where coi = :coi and kind = 'DOSE' and stage not in ('INFUSED', 'DESTROYED', 'CANCELLED')")
                .setParameter("stage", stage.name())
                .setParameter("coi", lot.value())
                .executeUpdate();
    }

    /** A statement that changes the batch's units: what this transaction kept of them is forgotten first. */
    private Query writing(Coi coi, String sql) {
        memo.forget(new UnitsOf(coi.value()));
        return entityManager.createNativeQuery(sql);
    }

    private static final String SELECT_UNITS = "select unit_id, kind, stage, recipient_reference, allocated_at, "
            + "labelled_cells, shipped_at, coi, location_site, shipment_id, custodian, ended_by, thawed_at, "
            + "located_since, destination_site from batch_unit";

    private static StoredUnit unit(Object[] row) {
        UnitCustody custody = new UnitCustody(Optional.ofNullable((String) row[8]), Optional.ofNullable((String) row[9]),
                Optional.ofNullable((String) row[10]), Optional.ofNullable((String) row[11]).map(Stage::valueOf),
                Optional.ofNullable(row[12]).map(NativeValues::instant));
        return new StoredUnit((String) row[7], (String) row[0], Kind.valueOf((String) row[1]),
                Optional.ofNullable((String) row[2]).map(Stage::valueOf), Optional.ofNullable((String) row[3]),
                Optional.ofNullable(row[4]).map(NativeValues::instant),
                Optional.ofNullable((Number) row[5]).map(Number::longValue),
                Optional.ofNullable(row[6]).map(NativeValues::instant), custody,
                Optional.ofNullable(row[13]).map(NativeValues::instant), Optional.ofNullable((String) row[14]));
    }
}
