package org.vein2vein.product.application;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.vein2vein.kernel.BatchType;
import org.vein2vein.kernel.Stage;
import org.vein2vein.kernel.StagePlan;
import org.vein2vein.product.domain.DoseRange;
import org.vein2vein.product.domain.Phase;
import org.vein2vein.product.domain.ProductDefinition;
import org.vein2vein.product.domain.ReleaseSpecification;
import org.vein2vein.product.domain.TemperatureClass;
import org.vein2vein.product.domain.TimeWindow;

/**
 * Two fictional products, one of each batch type, following the standard plan of their type: what
 * embedded mode and the tests start with ({@link DemoProductsAtStart}) and what the contract shows
 * as its example. Never created in a database the service is pointed at.
 */
public final class DemoProducts {

    public static final String AUTOLOGOUS_CODE = "CART-GD2-AUTO";
    public static final String ALLOGENEIC_CODE = "CART-B7H3-ALLO";

    private DemoProducts() {
    }

    public static List<ProductDefinition> all() {
        return List.of(autologous(), allogeneic());
    }

    public static ProductDefinition autologous() {
        return standard(AUTOLOGOUS_CODE, "Anti-GD2 CAR-T, autologous", BatchType.AUTOLOGOUS,
                windows(Duration.ofHours(48), Duration.ofMinutes(30), Duration.ofDays(10), Duration.ofHours(1)),
                new ReleaseSpecification(new BigDecimal("80"), new DoseRange(60_000_000L, 600_000_000L), true, true,
                        new BigDecimal("5.0"), new BigDecimal("5")),
                true);
    }

    public static ProductDefinition allogeneic() {
        return standard(ALLOGENEIC_CODE, "Anti-B7-H3 CAR-T, allogeneic, TRAC/B2M knock-out", BatchType.ALLOGENEIC,
                windows(Duration.ofHours(24), Duration.ofMinutes(20), Duration.ofDays(7), Duration.ofMinutes(45)),
                new ReleaseSpecification(new BigDecimal("70"), new DoseRange(50_000_000L, 500_000_000L), true, true,
                        new BigDecimal("3.5"), new BigDecimal("3")),
                false);
    }

    private static ProductDefinition standard(String code, String name, BatchType type, List<TimeWindow> windows,
            ReleaseSpecification release, boolean twoPersonVerification) {
        StagePlan plan = StagePlan.standard(type);
        return new ProductDefinition(code, name, type, plan.transitions(), plan.repeatable(),
                Map.of(Phase.STARTING_MATERIAL, TemperatureClass.FRESH_2_TO_8_C,
                        Phase.FINAL_PRODUCT_STORAGE, TemperatureClass.CRYO_AT_OR_BELOW_MINUS_150_C,
                        Phase.FINAL_PRODUCT_TRANSPORT, TemperatureClass.CRYO_AT_OR_BELOW_MINUS_150_C),
                windows, release, twoPersonVerification);
    }

    /** The four windows every demo product has, each with its own length. */
    private static List<TimeWindow> windows(Duration collectionToReceipt, Duration outOfStorageWhilePacking,
            Duration dryShipperHold, Duration thawToInfusion) {
        return List.of(
                new TimeWindow("collection-to-receipt", Stage.COLLECTED, Stage.RECEIVED_AT_MANUFACTURING,
                        collectionToReceipt),
                new TimeWindow("out-of-storage-while-packing", Stage.SHIPPED_TO_SITE, Stage.SHIPPED_TO_SITE,
                        outOfStorageWhilePacking),
                new TimeWindow("dry-shipper-hold", Stage.SHIPPED_TO_SITE, Stage.RECEIVED_AT_SITE, dryShipperHold),
                new TimeWindow("thaw-to-infusion", Stage.THAWED, Stage.INFUSED, thawToInfusion));
    }
}
