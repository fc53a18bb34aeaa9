package org.vein2vein.batch.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.vein2vein.batch.persistence.CollectionRepository;
import org.vein2vein.batch.persistence.BatchEntity;
import org.vein2vein.batch.persistence.BatchRepository;
import org.vein2vein.batch.domain.BatchUnit;
import org.vein2vein.batch.persistence.BatchUnitRepository;
import org.vein2vein.kernel.BatchType;
import org.vein2vein.kernel.Coi;
import org.vein2vein.kernel.Stage;

/**
 * Tracing both ways between donors and recipients of allogeneic products (21 CFR 1271.290): from a
 * donor to every lot made of their collections, every dose of those lots and every recipient; from
 * a recipient back to each dose, its lot, the lot's collections and the donor.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Genealogy {

    /** A dose with where it is and whom it is for. */
    public record DoseTrace(String unitId, Stage stage, Optional<String> recipientReference,
            Optional<Instant> allocatedAt) {
    }

    /** A lot with its origin (donor, collections) and its doses. */
    public record LotTrace(String coi, String productCode, Integer productVersion, String donorReference,
            List<String> donationIds, List<DoseTrace> doses) {
    }

    /** A dose given (or to be given) to a recipient, with the lot and donor it came from. */
    public record RecipientDose(DoseTrace dose, LotTrace lot) {
    }

    private final BatchRepository batches;
    private final BatchUnitRepository units;
    private final CollectionRepository collections;

    public Genealogy(BatchRepository batches, BatchUnitRepository units, CollectionRepository collections) {
        this.batches = batches;
        this.units = units;
        this.collections = collections;
    }

    /** Every allogeneic lot made from the donor's collections, with its doses and their recipients. */
    public List<LotTrace> lotsOfDonor(String donorReference) {
        List<LotTrace> lots = new ArrayList<>();
        for (Coi coi : batches.lotsOf(donorReference)) {
            lot(coi.value()).ifPresent(lots::add);
        }
        return lots;
    }

    /** Every dose allocated to the recipient, each with its lot, the lot's collections and donor. */
    public List<RecipientDose> dosesOfRecipient(String recipientReference) {
        Map<String, LotTrace> lots = new LinkedHashMap<>();
        List<RecipientDose> doses = new ArrayList<>();
        for (BatchUnitRepository.UnitOfLot allocated : units.dosesAllocatedTo(recipientReference)) {
            LotTrace lot = lots.computeIfAbsent(allocated.coi(), key -> lot(key).orElseThrow());
            lot.doses().stream().filter(dose -> dose.unitId().equals(allocated.unitId())).findFirst()
                    .ifPresent(dose -> doses.add(new RecipientDose(dose, lot)));
        }
        return doses;
    }

    /** The allogeneic lot, with its donor, collections and doses; empty for any other batch. */
    public Optional<LotTrace> lot(String coi) {
        Coi lot = new Coi(coi);
        Optional<BatchEntity> found = batches.find(lot).filter(batch -> batch.type() == BatchType.ALLOGENEIC);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        BatchEntity batch = found.get();
        List<DoseTrace> doses = units.of(lot).stream()
                .filter(unit -> unit.kind() == BatchUnit.Kind.DOSE)
                .map(dose -> new DoseTrace(dose.unitId(), dose.stage().orElseThrow(), dose.recipientReference(),
                        dose.allocatedAt()))
                .toList();
        return Optional.of(new LotTrace(coi, batch.productCode(), batch.productVersion().isPresent()
                ? batch.productVersion().getAsInt() : null, batch.subjectReference(), collections.of(lot), doses));
    }
}
