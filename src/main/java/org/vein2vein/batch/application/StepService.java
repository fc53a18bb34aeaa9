package org.vein2vein.batch.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.vein2vein.batch.domain.Batch;
import org.vein2vein.batch.domain.ProductRules;
import org.vein2vein.batch.domain.rules.Refusal;
import org.vein2vein.batch.domain.rules.Ruling;
import org.vein2vein.batch.domain.rules.SafetyRule;
import org.vein2vein.batch.domain.rules.Step;
import org.vein2vein.batch.domain.rules.StepChannel;
import org.vein2vein.batch.domain.rules.StepContext;
import org.vein2vein.batch.domain.rules.StepDating;
import org.vein2vein.batch.domain.rules.StepRefusedException;
import org.vein2vein.batch.domain.rules.StepRules;
import org.vein2vein.batch.persistence.BatchEntity;
import org.vein2vein.batch.persistence.BatchRepository;
import org.vein2vein.batch.persistence.BatchSiteRepository;
import org.vein2vein.custody.application.Ledger;
import org.vein2vein.custody.domain.LedgerHead;
import org.vein2vein.kernel.Actor;
import org.vein2vein.kernel.Coi;
import org.vein2vein.platform.security.Caller;
import org.vein2vein.platform.security.Roles;

/**
 * Records a step of a batch, or refuses it. In order:
 * <ol>
 * <li>the step's dating ({@link StepDating}), before anything is read;</li>
 * <li>the batch, locked for the step's transaction: one that the technician may not see is not found;
 * the step's site must be one of theirs (QA, who only takes batches off their path, names one of the
 * batch's sites); an If-Match must name the batch's ledger head;</li>
 * <li>the context the rules need, loaded once ({@link StepContextLoader});</li>
 * <li>the safety rules, in the order of {@link StepRules#IN_ORDER}: the first refusal decides. Most
 * refusals write nothing and roll back; an identity mismatch, a missing second verifier or a missed
 * time window is kept on record ({@link StepRecorder#refuse});</li>
 * <li>the step, with what the rules noted ({@link StepRecorder#record}).</li>
 * </ol>
 */
@ApplicationScoped
@Transactional
public class StepService {

    private final BatchRepository batches;
    private final BatchSiteRepository batchSites;
    private final PinnedProducts pinnedProducts;
    private final Ledger ledger;
    private final StepContextLoader contexts;
    private final StepRecorder recorder;
    private final ClockSkewConfig skew;
    private final Clock clock;

    public StepService(BatchRepository batches, BatchSiteRepository batchSites, PinnedProducts pinnedProducts, Ledger ledger,
            StepContextLoader contexts, StepRecorder recorder, ClockSkewConfig skew, Clock clock) {
        this.batches = batches;
        this.batchSites = batchSites;
        this.pinnedProducts = pinnedProducts;
        this.ledger = ledger;
        this.contexts = contexts;
        this.recorder = recorder;
        this.skew = skew;
        this.clock = clock;
    }

    /**
     * @param expectedSequence the ledger sequence the client last read (its If-Match), if it sent one
     * @return the recorded step, or the refusal of a rule that keeps the attempt on record
     * @throws BatchNotFoundException when no batch has the COI, or the technician may not see it
     * @throws SiteNotPermittedException when the step's site is not one of the technician's
     * @throws StaleBatchException when the expected ledger sequence is not the batch's
     * @throws QaStepNotPermittedException when QA logs a step that is not a side exit
     * @throws org.vein2vein.platform.problem.ProblemException when a rule refuses the step and nothing is written
     */
    public StepOutcome logStep(Coi coi, Step step, OptionalLong expectedSequence, Caller caller) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        refuseIfRefused(StepDating.check(step, now.plus(skew.maxClockSkew())));
        // A caller who is a technician acts as one; QA without that role only takes batches off their path.
        boolean qualityAssurance = !caller.hasRole(Roles.TECHNICIAN);
        if (qualityAssurance && !step.stage().isSideExit()) {
            throw new QaStepNotPermittedException(step.stage());
        }
        BatchEntity entity = batches.findForUpdate(coi)
                .filter(found -> batchSites.anyOf(coi, qualityAssurance ? Set.of(step.site()) : caller.sites()))
                .orElseThrow(() -> new BatchNotFoundException(coi));
        if (!qualityAssurance) {
            BatchService.requireSite(caller, step.site());
        }
        LedgerHead head = ledger.head(coi.value());
        if (expectedSequence.isPresent() && expectedSequence.getAsLong() != head.sequence()) {
            throw new StaleBatchException(expectedSequence.getAsLong(), head.sequence());
        }
        Actor actor = caller.actingAs(qualityAssurance ? Roles.QA : Roles.TECHNICIAN);
        Decision decision = decide(entity, step, head, actor, now,
                qualityAssurance ? StepChannel.QUALITY_ASSURANCE : StepChannel.TECHNICIAN);
        decision.refusal().filter(refusal -> !refusal.kind().recorded()).ifPresent(refusal -> {
            throw StepProblems.exception(refusal);
        });
        return carryOut(decision);
    }

    /**
     * Runs the safety rules over a step of a batch locked for this transaction, writing nothing.
     *
     * @throws org.vein2vein.platform.problem.ProblemException when the step's data names the wrong dose
     */
    Decision decide(BatchEntity entity, Step step, LedgerHead head, Actor actor, Instant now, StepChannel channel) {
        return decide(entity, step, head, actor, now, channel, StepRules.IN_ORDER);
    }

    /** Runs only {@code safetyRules}, in their order, over the step: for a step the plan does not order. */
    Decision decide(BatchEntity entity, Step step, LedgerHead head, Actor actor, Instant now, StepChannel channel,
            List<SafetyRule> safetyRules) {
        ProductRules rules = pinnedProducts.rulesOf(entity);
        Batch batch = entity.toDomain(rules.plan());
        StepContext context;
        try {
            context = contexts.load(batch, rules, step, actor.id(), now, channel);
        } catch (StepRefusedException e) {
            throw StepProblems.exception(e.refusal());
        }
        Map<String, Object> notes = new LinkedHashMap<>();
        for (SafetyRule rule : safetyRules) {
            Ruling ruling = rule.check(context);
            if (ruling instanceof Ruling.Refused refused) {
                return new Decision(entity, context, head, actor, now, Map.of(), Optional.of(refused.refusal()));
            }
            notes.putAll(((Ruling.Accepted) ruling).notes());
        }
        return new Decision(entity, context, head, actor, now, notes, Optional.empty());
    }

    /** Records a decided step: the step itself, or the refused attempt of a rule that keeps it on record. */
    StepOutcome carryOut(Decision decision) {
        if (decision.refusal().isPresent()) {
            return recorder.refuse(decision.entity(), decision.context(), decision.refusal().get(), decision.head(),
                    decision.actor(), decision.now());
        }
        return recorder.record(decision.entity(), decision.context(), decision.notes(), decision.head(),
                decision.actor(), decision.now());
    }

    /**
     * What the rules made of a step, not yet written.
     *
     * @param refusal the first rule's refusal, if one refused it
     */
    record Decision(BatchEntity entity, StepContext context, LedgerHead head, Actor actor, Instant now,
            Map<String, Object> notes, Optional<Refusal> refusal) {

        /** The same decision, written after {@code newHead}: a second step of the same batch in one transaction. */
        Decision after(LedgerHead newHead) {
            return new Decision(entity, context, newHead, actor, now, notes, refusal);
        }
    }

    private static void refuseIfRefused(Ruling ruling) {
        if (ruling instanceof Ruling.Refused refused) {
            throw StepProblems.exception(refused.refusal());
        }
    }
}
