package org.vein2vein.batch.domain.rules;

import java.time.Instant;
import java.util.Optional;

import org.vein2vein.batch.domain.BatchUnit;
import org.vein2vein.batch.domain.Dose;
import org.vein2vein.batch.domain.UnitCustody;
import org.vein2vein.kernel.Stage;

/**
 * Units somewhere, for the site rules' unit tests: at {@link Contexts#SITE} (where the contexts' steps
 * happen), at another site, on a shipment, ended, thawed; and a dose on hold.
 */
final class Custodies {

    static final String MANUFACTURING = "MFG-GENT-01";
    static final String OTHER_SITE = "SITE-PARIS-02";
    static final String SHIPMENT = "SHP-7K3Q9P2XRT";
    static final String COURIER = "CRYO-COURIER-EU";

    private Custodies() {
    }

    /** Live, at {@code site}, held by the site's organisation. */
    static UnitCustody at(String site) {
        return UnitCustody.at(site, "ORG-" + site);
    }

    /** Live, on a shipment, held by its courier. */
    static UnitCustody onShipment(String shipmentId) {
        return new UnitCustody(Optional.empty(), Optional.of(shipmentId), Optional.of(COURIER), Optional.empty(),
                Optional.empty());
    }

    /** Ended by {@code stage}, still recorded where it ended. */
    static UnitCustody ended(String site, Stage stage) {
        return new UnitCustody(Optional.of(site), Optional.empty(), Optional.of("ORG-" + site), Optional.of(stage),
                Optional.empty());
    }

    /** Live at {@code site}, thawed at {@code when}. */
    static UnitCustody thawed(String site, Instant when) {
        return new UnitCustody(Optional.of(site), Optional.empty(), Optional.of("ORG-" + site), Optional.empty(),
                Optional.of(when));
    }

    /** A unit recorded before custody was kept: at no site the record knows. */
    static UnitCustody nowhereKnown() {
        return new UnitCustody(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    static BatchUnit material(String unitId, UnitCustody custody) {
        return new BatchUnit(unitId, BatchUnit.Kind.MATERIAL, Optional.empty(), false, custody);
    }

    static BatchUnit bag(String unitId, UnitCustody custody) {
        return new BatchUnit(unitId, BatchUnit.Kind.BAG, Optional.of(200_000_000L), false, custody);
    }

    static BatchUnit dose(String unitId, UnitCustody custody) {
        return new BatchUnit(unitId, BatchUnit.Kind.DOSE, Optional.of(200_000_000L), false, custody);
    }

    /** The context with its step concerning {@code dose}, as loaded for a dose's step. */
    static StepContext concerning(StepContext context, Dose dose) {
        return new StepContext(context.step(), context.batch(), Optional.of(dose.unitId()), Optional.of(dose),
                context.rules(), context.units(), context.identifiersTaken(), context.lastOccurredAtByPeople(),
                context.windowStarts(), context.qcResults(), context.actorId(), context.now(), context.maxClockSkew(),
                context.channel());
    }

    /** A dose of the contexts' lot, quarantined from {@code resumeStage}. */
    static Dose heldDose(String unitId, Stage resumeStage) {
        return new Dose(Contexts.COI, unitId, Stage.QUARANTINED, Optional.of(resumeStage), Optional.of("RCP-0007"));
    }
}
