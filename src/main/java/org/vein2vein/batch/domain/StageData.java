package org.vein2vein.batch.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.vein2vein.product.domain.QcResult;
import org.vein2vein.product.domain.TemperatureClass;

/**
 * The typed data of a step: one record per kind of stage, the vocabulary the safety rules speak.
 * Each record holds what was validated at the edge (field shapes, ranges, rules between fields);
 * the ledger keeps it as JSON, written from the record in one place. Absent values are empty
 * {@link Optional}s, never nulls.
 */
public sealed interface StageData {

    /** What was scanned, where the step is an identity checkpoint. */
    default Optional<IdentityScan> identityScan() {
        return Optional.empty();
    }

    /** The one unit the step handles: thawed, infused, allocated, or a dose leaving its path. */
    default Optional<String> handledUnit() {
        return Optional.empty();
    }

    /** The units the step handles together: shipped, received, frozen or stored. */
    default List<String> handledUnits() {
        return List.of();
    }

    /** The units that come into being with the step: formulated bags, split doses. */
    default List<LabelledUnit> newUnits() {
        return List.of();
    }

    /** The times the data gives, by field, which like occurredAt cannot lie in the future. */
    default Map<String, Instant> times() {
        return Map.of();
    }

    enum Anticoagulant { ACD_A, ACD_B, CPD, HEPARIN }

    enum Condition { INTACT, DAMAGED, TEMPERATURE_EXCURSION }

    enum TransductionMethod { LENTIVIRAL, RETROVIRAL }

    enum EditingMethod { CRISPR_CAS9, TALEN }

    /** Why a batch, or a dose, leaves its path: codes only, the details live in the quality record. */
    enum ExitReason {
        TEMPERATURE_EXCURSION, IDENTITY_DOUBT, DAMAGED_CONTAINER, INSUFFICIENT_CELLS, LATE_ARRIVAL,
        CONTAMINATION, PROCESS_DEVIATION, OUT_OF_SPECIFICATION, EXPIRED, CLINICAL_DECISION, SPONSOR_DECISION, OTHER
    }

    /** A bag or dose as labelled: its id, volume and CAR+ viable cells. */
    record LabelledUnit(String unitId, BigDecimal volumeMl, long carPositiveViableCells) {
        public LabelledUnit {
            Objects.requireNonNull(unitId, "unitId");
            Objects.requireNonNull(volumeMl, "volumeMl");
        }
    }

    /** Where in long-term storage: freezer, rack, box, position. */
    record StorageLocation(String freezer, String rack, String box, String position) {
    }

    /** COLLECTED: one apheresis session with its own donation identification number. */
    record Collection(String donationId, Instant startedAt, Instant endedAt, BigDecimal volumeMl,
            long totalNucleatedCells, long cd3PositiveCells, Anticoagulant anticoagulant) implements StageData {
        @Override
        public Map<String, Instant> times() {
            Map<String, Instant> times = new LinkedHashMap<>();
            times.put("startedAt", startedAt);
            times.put("endedAt", endedAt);
            return times;
        }
    }

    /** CRYOPRESERVED_AT_COLLECTION. */
    record CollectionCryopreservation(String freezerRun, StorageLocation location) implements StageData {
    }

    /**
     * SHIPPED_TO_MANUFACTURING, SHIPPED_TO_SITE: packed for a courier, in a container of a temperature
     * class, on the shipment that records the stage.
     */
    record Shipment(String destinationSite, String courier, String containerId, TemperatureClass temperatureClass,
            List<String> unitIds, Optional<Instant> outOfStorageSince, Optional<String> shipmentId)
            implements StageData {
        public Shipment {
            unitIds = List.copyOf(unitIds);
        }

        @Override
        public List<String> handledUnits() {
            return unitIds;
        }

        @Override
        public Map<String, Instant> times() {
            return outOfStorageSince.map(since -> Map.of("outOfStorageSince", since)).orElse(Map.of());
        }
    }

    /** RECEIVED_AT_MANUFACTURING, RECEIVED_AT_SITE: the receiving side of a handover, an identity checkpoint. */
    record Receipt(IdentityScan identityCheck, Condition condition, Optional<BigDecimal> temperatureOnArrivalC,
            List<String> unitIds, Optional<String> shipmentId) implements StageData {
        public Receipt {
            unitIds = List.copyOf(unitIds);
        }

        @Override
        public Optional<IdentityScan> identityScan() {
            return Optional.of(identityCheck);
        }

        @Override
        public List<String> handledUnits() {
            return unitIds;
        }
    }

    /** ACCEPTED: the material is fit for manufacturing. */
    record Acceptance(Condition condition) implements StageData {
    }

    /** GENE_MODIFIED: a CAR transduced with a viral vector, genes knocked out by editing, or both. */
    record GeneModification(String construct, Optional<Transduction> transduction, Optional<Editing> editing)
            implements StageData {
    }

    record Transduction(TransductionMethod method, String vectorLot) {
    }

    record Editing(EditingMethod method, String reagentLot, List<String> targets) {
        public Editing {
            targets = List.copyOf(targets);
        }
    }

    /** EXPANDED: one bioreactor measurement. */
    record Expansion(String bioreactor, int cultureDay, long viableCells, BigDecimal viabilityPercent)
            implements StageData {
    }

    /** FORMULATED: bags filled and labelled, an identity checkpoint. */
    record Formulation(IdentityScan identityCheck, List<LabelledUnit> units) implements StageData {
        public Formulation {
            units = List.copyOf(units);
        }

        @Override
        public Optional<IdentityScan> identityScan() {
            return Optional.of(identityCheck);
        }

        @Override
        public List<LabelledUnit> newUnits() {
            return units;
        }
    }

    /** SPLIT (allogeneic): the lot divided into doses. */
    record Split(List<LabelledUnit> doses) implements StageData {
        public Split {
            doses = List.copyOf(doses);
        }

        @Override
        public List<LabelledUnit> newUnits() {
            return doses;
        }
    }

    /** CRYOPRESERVED: units frozen in a controlled-rate freezer run. */
    record Cryopreservation(String freezerRun, List<String> unitIds) implements StageData {
        public Cryopreservation {
            unitIds = List.copyOf(unitIds);
        }

        @Override
        public List<String> handledUnits() {
            return unitIds;
        }
    }

    /** QC_TESTED: the lot's QC results; the service judges them against the release specification. */
    record QcResults(List<QcResult> results) implements StageData {
        public QcResults {
            results = List.copyOf(results);
        }
    }

    /** RELEASED, OUT_OF_SPEC: nothing beyond the step itself. */
    record NoData() implements StageData {
    }

    /** STORED: units put in long-term storage. */
    record Storage(StorageLocation location, List<String> unitIds) implements StageData {
        public Storage {
            unitIds = List.copyOf(unitIds);
        }

        @Override
        public List<String> handledUnits() {
            return unitIds;
        }
    }

    /** ALLOCATED (allogeneic): a dose allocated to one recipient, treated at {@code treatmentSite}. */
    record Allocation(String unitId, String recipientReference, String treatmentSite) implements StageData {
        @Override
        public Optional<String> handledUnit() {
            return Optional.of(unitId);
        }
    }

    /** THAWED: a unit thawed for infusion, an identity checkpoint. */
    record Thaw(String unitId, IdentityScan identityCheck, Optional<BigDecimal> thawTemperatureC)
            implements StageData {
        @Override
        public Optional<IdentityScan> identityScan() {
            return Optional.of(identityCheck);
        }

        @Override
        public Optional<String> handledUnit() {
            return Optional.of(unitId);
        }
    }

    /** INFUSED: the unit given at the bedside, after the bedside identity check. */
    record Infusion(String unitId, IdentityScan identityCheck) implements StageData {
        @Override
        public Optional<IdentityScan> identityScan() {
            return Optional.of(identityCheck);
        }

        @Override
        public Optional<String> handledUnit() {
            return Optional.of(unitId);
        }
    }

    /** REJECTED, MANUFACTURING_FAILED, QUARANTINED, DESTROYED, CANCELLED: why, and for one dose, which. */
    record SideExit(ExitReason reason, Optional<String> qualityRecord, Optional<String> unitId) implements StageData {
        @Override
        public Optional<String> handledUnit() {
            return unitId;
        }
    }
}
