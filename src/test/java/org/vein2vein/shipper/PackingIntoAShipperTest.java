package org.vein2vein.shipper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import org.vein2vein.kernel.Actor;
import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.product.domain.TemperatureClass;
import org.vein2vein.shipper.application.ShipperNotRegisteredException;
import org.vein2vein.shipper.application.ShipperRegistry;
import org.vein2vein.shipper.application.ShipperUnfitException;
import org.vein2vein.shipper.domain.Shipper;
import org.vein2vein.shipper.domain.ShipperType;

/**
 * What packing asks of the registry, through the bean packing calls: the demo shippers and the
 * configured margin (PT12H) answer each refusal with its problem, and a fit shipper passes.
 */
@QuarkusTest
class PackingIntoAShipperTest {

    private static final TemperatureClass CRYO = TemperatureClass.CRYO_AT_OR_BELOW_MINUS_150_C;
    private static final Instant PACKED_AT = Instant.parse("2026-11-25T08:00:00Z");
    /** Eight hours of transit: with the margin, 20 hours of hold are needed. */
    private static final Instant ARRIVAL = PACKED_AT.plus(Duration.ofHours(8));

    @Inject
    ShipperRegistry registry;
    @Inject
    TransactionManager transactions;

    @Test
    void aQualifiedDryShipperWithHoldToSpareMayCarryCryopreservedProduct() {
        assertThatCode(() -> registry.requireFitForPacking("DS-0192", CRYO, PACKED_AT, PACKED_AT.plus(Duration.ofDays(8))))
                .doesNotThrowAnyException();
    }

    @Test
    void aColdBoxMayCarryFreshMaterialForADay() {
        assertThatCode(() -> registry.requireFitForPacking("CB-0042", TemperatureClass.FRESH_2_TO_8_C, PACKED_AT,
                PACKED_AT.plus(Duration.ofHours(36)))).doesNotThrowAnyException();
    }

    @Test
    void anUnregisteredShipperIsAConflictNamingIt() {
        Problem problem = refusal(ShipperNotRegisteredException.class, "DS-9999", CRYO, ARRIVAL);

        assertThat(problem.getType()).hasToString("urn:vein2vein:problem:shipper-not-registered");
        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getExtensions()).containsExactly(Map.entry("shipperId", "DS-9999"));
    }

    @Test
    void aShipperWhoseQualificationExpiredIsUnfitAndNamesBothTimes() {
        Problem problem = refusal(ShipperUnfitException.class, "DS-0007", CRYO, ARRIVAL);

        assertThat(problem.getType()).hasToString("urn:vein2vein:problem:shipper-unfit");
        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getExtensions()).containsExactly(Map.entry("shipperId", "DS-0007"),
                Map.entry("reason", "QUALIFICATION_EXPIRED"), Map.entry("reasons", List.of("QUALIFICATION_EXPIRED")),
                Map.entry("qualifiedUntil", "2025-01-01T00:00:00Z"),
                Map.entry("plannedArrivalAt", "2026-11-25T16:00:00Z"));
        assertThat(problem.getDetail()).isEqualTo("Shipper DS-0007 is qualified until 2025-01-01T00:00:00Z, before "
                + "the shipment's planned arrival at 2026-11-25T16:00:00Z.");
    }

    @Test
    void aColdBoxIsUnfitForCryopreservedProduct() {
        Problem problem = refusal(ShipperUnfitException.class, "CB-0042", CRYO, ARRIVAL);

        assertThat(problem.getExtensions()).containsEntry("reason", "TYPE_DOES_NOT_FIT_CLASS")
                .containsEntry("shipperType", "COLD_BOX_2_8_C")
                .containsEntry("temperatureClass", "CRYO_AT_OR_BELOW_MINUS_150_C");
    }

    @Test
    void aDryShipperIsUnfitForFreshMaterial() {
        Problem problem = refusal(ShipperUnfitException.class, "DS-0192", TemperatureClass.FRESH_2_TO_8_C, ARRIVAL);

        assertThat(problem.getExtensions()).containsEntry("reason", "TYPE_DOES_NOT_FIT_CLASS");
    }

    @Test
    void aHoldTimeShorterThanTheTransitPlusTheConfiguredMarginIsTooShortWithItsFigures() {
        Problem problem = refusal(ShipperUnfitException.class, "DS-0300", CRYO, ARRIVAL.plus(Duration.ofMinutes(1)));

        assertThat(problem.getExtensions()).containsExactly(Map.entry("shipperId", "DS-0300"),
                Map.entry("reason", "HOLD_TIME_TOO_SHORT"), Map.entry("reasons", List.of("HOLD_TIME_TOO_SHORT")),
                Map.entry("requiredHoldTime", "PT20H1M"), Map.entry("validatedHoldTime", "PT20H"),
                Map.entry("plannedTransit", "PT8H1M"), Map.entry("holdTimeMargin", "PT12H"));
    }

    @Test
    void aHoldTimeOfExactlyTheTransitPlusTheConfiguredMarginIsEnough() {
        assertThatCode(() -> registry.requireFitForPacking("DS-0300", CRYO, PACKED_AT, ARRIVAL))
                .doesNotThrowAnyException();
    }

    @Test
    void anInactiveShipperIsUnfitWhateverElseHolds() {
        Shipper retired = new Shipper(Shippers.newId(), ShipperType.DRY_SHIPPER, Instant.parse("2099-12-31T00:00:00Z"),
                Duration.ofDays(10), false, 1);
        registry.createIfAbsent(retired, Actor.system("packing-test"));

        Problem problem = refusal(ShipperUnfitException.class, retired.id(), CRYO, ARRIVAL);

        assertThat(problem.getExtensions()).containsEntry("reason", "INACTIVE")
                .containsEntry("reasons", List.of("INACTIVE"));
    }

    @Test
    void aRefusalLeavesThePackingTransactionToDecide() {
        QuarkusTransaction.requiringNew().run(() -> {
            catchThrowableOfType(() -> registry.requireFitForPacking("DS-0007", CRYO, PACKED_AT, ARRIVAL),
                    ShipperUnfitException.class);
            catchThrowableOfType(() -> registry.requireFitForPacking("DS-9999", CRYO, PACKED_AT, ARRIVAL),
                    ShipperNotRegisteredException.class);

            assertThat(status()).isEqualTo(Status.STATUS_ACTIVE);
        });
    }

    private <E extends ProblemException> Problem refusal(Class<E> refusal, String shipperId,
            TemperatureClass temperatureClass, Instant plannedArrivalAt) {
        E thrown = catchThrowableOfType(() -> registry.requireFitForPacking(shipperId, temperatureClass, PACKED_AT,
                plannedArrivalAt), refusal);
        assertThat(thrown).as("%s refused", shipperId).isNotNull();
        return thrown.problem();
    }

    private int status() {
        try {
            return transactions.getStatus();
        } catch (jakarta.transaction.SystemException e) {
            throw new IllegalStateException(e);
        }
    }
}
