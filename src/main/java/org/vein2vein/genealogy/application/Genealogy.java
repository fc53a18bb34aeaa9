package org.vein2vein.genealogy.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.vein2vein.batch.domain.Coi;
import org.vein2vein.batch.domain.Stage;
import org.vein2vein.batch.persistence.BatchCollections;
import org.vein2vein.batch.persistence.BatchUnits;

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

    private final EntityManager entityManager;
    private final BatchUnits units;
    private final BatchCollections collections;

    public Genealogy(EntityManager entityManager, BatchUnits units, BatchCollections collections) {
        this.entityManager = entityManager;
        this.units = units;
        this.collections = collections;
    }

    /** Every allogeneic lot made from the donor's collections, with its doses and their recipients. */
    public List<LotTrace> lotsOfDonor(String donorReference) {
        List<?> cois = entityManager.createNativeQuery("select coi from batch where subject_reference = :donor "
                + "and type = 'ALLOGENEIC' order by registered_at, coi")
                .setParameter("donor", donorReference)
                .getResultList();
        List<LotTrace> lots = new ArrayList<>();
        for (Object coi : cois) {
            lot((String) coi).ifPresent(lots::add);
        }
        return lots;
    }

    /** Every dose allocated to the recipient, each with its lot, the lot's collections and donor. */
    public List<RecipientDose> dosesOfRecipient(String recipientReference) {
        List<?> rows = entityManager.createNativeQuery("select coi, unit_id from batch_unit "
                + "where recipient_reference = :recipient and kind = 'DOSE' order by allocated_at, unit_id")
                .setParameter("recipient", recipientReference)
                .getResultList();
        Map<String, LotTrace> lots = new LinkedHashMap<>();
        List<RecipientDose> doses = new ArrayList<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            String coi = (String) columns[0];
            LotTrace lot = lots.computeIfAbsent(coi, key -> lot(key).orElseThrow());
            lot.doses().stream().filter(dose -> dose.unitId().equals(columns[1])).findFirst()
                    .ifPresent(dose -> doses.add(new RecipientDose(dose, lot)));
        }
        return doses;
    }

    /** The allogeneic lot, with its donor, collections and doses; empty for any other batch. */
    public Optional<LotTrace> lot(String coi) {
        List<?> batches = entityManager.createNativeQuery("select product_code, product_version, subject_reference "
                + "from batch where coi = :coi and type = 'ALLOGENEIC'")
                .setParameter("coi", coi)
                .getResultList();
        if (batches.isEmpty()) {
            return Optional.empty();
        }
        Object[] batch = (Object[]) batches.get(0);
        Coi lot = new Coi(coi);
        List<DoseTrace> doses = units.of(lot).stream()
                .filter(unit -> unit.kind() == BatchUnits.Kind.DOSE)
                .map(dose -> new DoseTrace(dose.unitId(), dose.stage().orElseThrow(), dose.recipientReference(),
                        dose.allocatedAt()))
                .toList();
        return Optional.of(new LotTrace(coi, (String) batch[0], (Integer) batch[1], (String) batch[2],
                collections.of(lot), doses));
    }
}
