package org.vein2vein.batch.domain.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vein2vein.batch.domain.BatchUnit;
import org.vein2vein.batch.domain.StageData;
import org.vein2vein.kernel.Stage;
import org.vein2vein.product.domain.DoseRange;
import org.vein2vein.product.domain.QcResult;
import org.vein2vein.product.domain.ReleaseAssessment;
import org.vein2vein.product.domain.ReleaseSpecification;

/**
 * QA releases a lot only when every QC result is in and within the release specification of its
 * product version, and every unit a patient receives is labelled with a dose in the product's range;
 * a lot is out of specification only when that does not hold. A QC_TESTED step is recorded with the
 * service's assessment of its results.
 */
public final class ReleaseGate implements SafetyRule {

    @Override
    public Ruling check(StepContext context) {
        Stage stage = context.step().stage();
        if (stage != Stage.QC_TESTED && stage != Stage.RELEASED && stage != Stage.OUT_OF_SPEC) {
            return Ruling.accept();
        }
        if (context.rules().release().isEmpty()) {
            return Ruling.refuse(Refusal.of(stage == Stage.OUT_OF_SPEC ? RefusalKind.WITHIN_SPECIFICATION
                    : RefusalKind.RELEASE_SPECIFICATION_NOT_MET, "The batch was registered before products existed "
                    + "and has no release specification."));
        }
        ReleaseSpecification release = context.rules().release().get();
        if (stage == Stage.QC_TESTED) {
            List<QcResult> results = ((StageData.QcResults) context.step().data()).results();
            return Ruling.acceptNoting("assessment", described(release.assess(results)));
        }
        ReleaseAssessment assessment = release.assess(context.qcResults());
        List<String> mislabelled = mislabelled(context, release.dose());
        boolean releasable = assessment.inSpecification() && mislabelled.isEmpty();
        if (stage == Stage.RELEASED && !releasable) {
            return Ruling.refuse(withFindings(Refusal.of(RefusalKind.RELEASE_SPECIFICATION_NOT_MET, "Batch "
                    + context.batch().coi() + " cannot be released: its QC results are not all in and within "
                    + "specification, or a unit's labelled dose is outside the product's range."), assessment,
                    mislabelled));
        }
        if (stage == Stage.OUT_OF_SPEC && releasable) {
            return Ruling.refuse(withFindings(Refusal.of(RefusalKind.WITHIN_SPECIFICATION, "Batch "
                    + context.batch().coi() + " has every QC result in and within specification: it is not out of "
                    + "specification."), assessment, mislabelled));
        }
        return Ruling.accept();
    }

    /** The units a patient would receive whose label states a dose outside the range. */
    private static List<String> mislabelled(StepContext context, DoseRange range) {
        return context.units().stream()
                .filter(unit -> unit.isAdministered(context.batch().type()))
                .filter(unit -> unit.labelledCells().filter(cells -> cells < range.min() || cells > range.max())
                        .isPresent())
                .map(BatchUnit::unitId).toList();
    }

    private static Refusal withFindings(Refusal refusal, ReleaseAssessment assessment, List<String> mislabelled) {
        Refusal findings = refusal
                .with("outOfSpecification", assessment.outOfSpecification().stream()
                        .map(verdict -> verdict.test() + " (" + verdict.criterion() + ")").toList())
                .with("missingTests", assessment.missing().stream().sorted().toList());
        return mislabelled.isEmpty() ? findings : findings.with("unitsLabelledOutOfRange", mislabelled);
    }

    /** The assessment as the QC_TESTED event records it. */
    static Map<String, Object> described(ReleaseAssessment assessment) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("inSpecification", assessment.inSpecification());
        described.put("verdicts", assessment.verdicts().stream().map(verdict -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("test", verdict.test().name());
            one.put("withinSpecification", verdict.withinSpecification());
            one.put("criterion", verdict.criterion());
            return one;
        }).toList());
        described.put("missingTests", assessment.missing().stream().sorted().map(Enum::name).toList());
        return described;
    }
}
