package org.vein2vein.batch.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vein2vein.kernel.Stage.*;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.vein2vein.kernel.BatchType;
import org.vein2vein.kernel.Coi;
import org.vein2vein.kernel.Stage;
import org.vein2vein.kernel.StagePlan;

class IdentityCheckpointTest {

    private static final Coi COI = Coi.parse("V2V7K3Q9P2XRTB");
    private static final String BAG = "V2V7K3Q9P2XRTB-01";

    @Test
    void the_checkpoints_are_receipts_labelling_thaw_and_infusion() {
        for (Stage stage : Stage.values()) {
            boolean expected = stage == RECEIVED_AT_MANUFACTURING || stage == FORMULATED || stage == RECEIVED_AT_SITE
                    || stage == THAWED || stage == INFUSED;
            assertThat(IdentityCheckpoint.isCheckpoint(stage)).as(stage.name()).isEqualTo(expected);
        }
    }

    @Test
    void a_scan_of_the_batchs_own_coi_matches_at_receipt() {
        assertThat(IdentityCheckpoint.mismatches(autologous(), RECEIVED_AT_MANUFACTURING, scan(COI.value(), null,
                null, null), Optional.empty(), Optional.empty())).isEmpty();
    }

    @Test
    void another_coi_is_a_mismatch() {
        assertThat(IdentityCheckpoint.mismatches(autologous(), RECEIVED_AT_MANUFACTURING,
                scan("V2V0000000000X", null, null, null), Optional.empty(), Optional.empty()))
                .singleElement().asString().contains("V2V0000000000X", COI.value());
    }

    @Test
    void at_thaw_the_scanned_unit_must_be_the_unit_the_step_names() {
        assertThat(IdentityCheckpoint.mismatches(autologous(), THAWED, scan(COI.value(), BAG, null, null),
                Optional.of(BAG), Optional.empty())).isEmpty();
        assertThat(IdentityCheckpoint.mismatches(autologous(), THAWED, scan(COI.value(), "V2V7K3Q9P2XRTB-02", null,
                null), Optional.of(BAG), Optional.empty())).singleElement().asString().contains("scanned unit");
        assertThat(IdentityCheckpoint.mismatches(autologous(), THAWED, scan(COI.value(), null, null, null),
                Optional.of(BAG), Optional.empty())).hasSize(1);
    }

    @Test
    void autologous_infusion_needs_the_batchs_own_patient() {
        assertThat(IdentityCheckpoint.mismatches(autologous(), INFUSED, scan(COI.value(), BAG, "PSN-0001", null),
                Optional.of(BAG), Optional.empty())).isEmpty();
        assertThat(IdentityCheckpoint.mismatches(autologous(), INFUSED, scan(COI.value(), BAG, "PSN-0002", null),
                Optional.of(BAG), Optional.empty())).singleElement().asString()
                .contains("not the patient").doesNotContain("PSN-0002");
    }

    @Test
    void allogeneic_infusion_needs_the_recipient_the_dose_is_allocated_to() {
        Batch lot = new Batch(COI, BatchType.ALLOGENEIC, "DNR-0003", "CART-B7H3-ALLO", "MFG-GENT-01",
                StagePlan.standard(BatchType.ALLOGENEIC), STORED, Optional.empty());
        String dose = "V2V7K3Q9P2XRTB-D01";
        assertThat(IdentityCheckpoint.mismatches(lot, INFUSED, scan(COI.value(), dose, null, "RCP-7"), Optional.of(dose),
                Optional.of("RCP-7"))).isEmpty();
        assertThat(IdentityCheckpoint.mismatches(lot, INFUSED, scan(COI.value(), dose, null, "RCP-8"), Optional.of(dose),
                Optional.of("RCP-7"))).singleElement().asString().contains("is allocated to");
        assertThat(IdentityCheckpoint.mismatches(lot, INFUSED, scan(COI.value(), dose, null, "RCP-7"), Optional.of(dose),
                Optional.empty())).singleElement().asString().contains("not allocated");
    }

    @Test
    void a_second_verifier_must_be_named_and_be_someone_else() {
        assertThat(IdentityCheckpoint.lacksSecondVerifier(scan(COI.value(), null, null, null), "tech-1")).isTrue();
        assertThat(IdentityCheckpoint.lacksSecondVerifier(witnessed("tech-1"), "tech-1")).isTrue();
        assertThat(IdentityCheckpoint.lacksSecondVerifier(witnessed("tech-2"), "tech-1")).isFalse();
    }

    private static Batch autologous() {
        return new Batch(COI, BatchType.AUTOLOGOUS, "PSN-0001", "CART-GD2-AUTO", "SITE-LYON-01",
                StagePlan.standard(BatchType.AUTOLOGOUS), ORDERED, Optional.empty());
    }

    private static IdentityScan scan(String coi, String unit, String patient, String recipient) {
        return new IdentityScan(coi, Optional.ofNullable(unit), Optional.ofNullable(patient),
                Optional.ofNullable(recipient), Optional.empty());
    }

    private static IdentityScan witnessed(String witness) {
        return new IdentityScan(COI.value(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(witness));
    }
}
