package org.vein2vein.batch.domain.rules;

import org.vein2vein.batch.domain.IdentityCheckpoint;

/**
 * Where the product requires two-person verification, every identity checkpoint names a witness who
 * is not the technician logging the step (compared as people read ids, whatever the case). A step
 * without one is refused and kept on record.
 */
public final class SecondVerifier implements SafetyRule {

    @Override
    public Ruling check(StepContext context) {
        if (!context.rules().twoPersonVerification() || !IdentityCheckpoint.isCheckpoint(context.step().stage())) {
            return Ruling.accept();
        }
        boolean lacking = IdentityCheckpoint.lacksSecondVerifier(context.step().data().identityScan().orElseThrow(),
                context.actorId());
        return lacking ? Ruling.refuse(Refusal.of(RefusalKind.SECOND_VERIFIER_REQUIRED, "This product requires two "
                + "different verifiers at identity checkpoints: name the second one, who is not you, in "
                + "data.identityCheck.witness.")) : Ruling.accept();
    }
}
