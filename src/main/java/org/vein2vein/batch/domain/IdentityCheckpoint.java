package org.vein2vein.batch.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.vein2vein.kernel.BatchType;
import org.vein2vein.kernel.Stage;

/**
 * The points of highest risk of a mix-up, where the product's labels are scanned and compared
 * with what the record says: receipt at manufacturing, labelling at formulation, receipt at the
 * treatment site, thaw and bedside infusion.
 */
public final class IdentityCheckpoint {

    private static final Set<Stage> CHECKPOINTS = EnumSet.of(Stage.RECEIVED_AT_MANUFACTURING, Stage.FORMULATED,
            Stage.RECEIVED_AT_SITE, Stage.THAWED, Stage.INFUSED);

    private IdentityCheckpoint() {
    }

    public static boolean isCheckpoint(Stage stage) {
        return CHECKPOINTS.contains(stage);
    }

    /**
     * What does not match between the scan and the record; empty when everything does.
     *
     * @param handledUnit        the unit of the batch the step handles (thaw, infusion), if any
     * @param allocatedRecipient for an allogeneic dose, the recipient it is allocated to
     */
    public static List<String> mismatches(Batch batch, Stage stage, IdentityScan scan, Optional<String> handledUnit,
            Optional<String> allocatedRecipient) {
        List<String> mismatches = new ArrayList<>();
        if (!scan.scannedCoi().equals(batch.coi().value())) {
            mismatches.add("the scanned COI " + scan.scannedCoi() + " is not the batch's COI " + batch.coi());
        }
        if (handledUnit.isPresent() && !scan.scannedUnitId().equals(handledUnit)) {
            mismatches.add("the scanned unit " + scan.scannedUnitId().orElse("(none)") + " is not the unit "
                    + handledUnit.get() + " the step names");
        }
        if (stage == Stage.INFUSED) {
            if (batch.type() == BatchType.AUTOLOGOUS) {
                if (!scan.patientReference().equals(Optional.of(batch.subjectReference()))) {
                    mismatches.add("the patient scanned at the bedside is not the patient the batch was made for");
                }
            } else if (allocatedRecipient.isEmpty()) {
                mismatches.add("dose " + handledUnit.orElse("") + " is not allocated to any recipient");
            } else if (!scan.recipientReference().equals(allocatedRecipient)) {
                mismatches.add("the recipient scanned at the bedside is not the recipient dose "
                        + handledUnit.orElse("") + " is allocated to");
            }
        }
        return mismatches;
    }

    /**
     * Whether the scan lacks the second, different verifier a product may require.
     *
     * @param verifier the person logging the step, the first verifier
     */
    public static boolean lacksSecondVerifier(IdentityScan scan, String verifier) {
        // Staff ids are compared as people read them: TECH-LYON-01 is tech-lyon-01.
        return scan.witness().filter(witness -> !witness.equalsIgnoreCase(verifier)).isEmpty();
    }
}
