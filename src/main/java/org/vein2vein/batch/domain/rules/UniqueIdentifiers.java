package org.vein2vein.batch.domain.rules;

import java.util.List;

import org.vein2vein.batch.domain.StageData;

/**
 * A donation id names one collection, and a unit id one bag or dose, across all batches: a new one
 * that another batch already uses is refused. (The insert that follows is guarded by the database
 * too, should a concurrent step on another batch take it in between.)
 */
public final class UniqueIdentifiers implements SafetyRule {

    @Override
    public Ruling check(StepContext context) {
        StageData data = context.step().data();
        if (data instanceof StageData.Collection collection
                && context.identifiersTaken().contains(collection.donationId())) {
            return Ruling.refuse(Refusal.of(RefusalKind.DONATION_ID_IN_USE, "Donation id " + collection.donationId()
                    + " is already in use; each is unique across all batches.")
                    .with("identifiers", List.of(collection.donationId())));
        }
        List<String> taken = data.newUnits().stream().map(StageData.LabelledUnit::unitId)
                .filter(context.identifiersTaken()::contains).toList();
        if (!taken.isEmpty()) {
            return Ruling.refuse(Refusal.of(RefusalKind.UNIT_ID_IN_USE, "Unit id" + (taken.size() == 1 ? " " : "s ")
                    + String.join(", ", taken) + (taken.size() == 1 ? " is" : " are")
                    + " already in use; each is unique across all batches.").with("identifiers", taken));
        }
        return Ruling.accept();
    }
}
