package org.vein2vein.batch.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalInt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.logging.Log;

import org.vein2vein.batch.domain.Batch;
import org.vein2vein.batch.domain.Coi;
import org.vein2vein.batch.domain.Identifiers;
import org.vein2vein.batch.domain.StagePlan;
import org.vein2vein.batch.persistence.BatchEntity;
import org.vein2vein.batch.persistence.BatchRepository;
import org.vein2vein.batch.persistence.BatchSites;
import org.vein2vein.custody.application.Ledger;
import org.vein2vein.custody.domain.CustodyEvent;
import org.vein2vein.custody.domain.CustodyEventType;
import org.vein2vein.custody.domain.LedgerHead;
import org.vein2vein.platform.security.Caller;
import org.vein2vein.product.application.ProductCatalogue;
import org.vein2vein.product.domain.ProductVersion;
import org.vein2vein.platform.security.Roles;

/**
 * Registers batches and records their steps. Each change of a batch, its ledger event and its
 * outbox message are written in one transaction, under the batch's row lock.
 *
 * <p>Who may see what: QA sees every batch; a technician sees the batches that have been at, or
 * are on their way to, one of the sites in their token, and acts only at those sites. A batch a
 * technician may not see is answered as if it did not exist.
 */
@ApplicationScoped
@Transactional
public class BatchService {

    static final String DESTINATION_FIELD = "destinationSite";

    private final BatchRepository batches;
    private final BatchSites batchSites;
    private final Ledger ledger;
    private final StepRules rules;
    private final ProductCatalogue products;
    private final ObjectMapper mapper;
    private final Clock clock;

    public BatchService(BatchRepository batches, BatchSites batchSites, Ledger ledger, StepRules rules,
            ProductCatalogue products, ObjectMapper mapper, Clock clock) {
        this.batches = batches;
        this.products = products;
        this.batchSites = batchSites;
        this.ledger = ledger;
        this.rules = rules;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Registers a batch collected at one of the technician's sites, pinned to the current version
     * of its product.
     *
     * @throws SiteNotPermittedException when the collection site is not one of the caller's
     * @throws org.vein2vein.product.application.ProductNotApplicableException when no product has the
     *         code, or it is for the other batch type
     */
    public Registered register(RegisterBatch command, Caller technician) {
        requireSite(technician, command.collectionSite());
        ProductVersion product = products.versionForNewBatch(command.productCode(), command.type());
        Coi coi = Coi.random();
        while (batches.exists(coi)) {
            coi = Coi.random();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Batch batch = Batch.register(coi, command.type(), command.subjectReference(), command.productCode(),
                command.collectionSite(), product.definition().stagePlan());
        BatchEntity entity = BatchEntity.of(batch, product.version(), now);
        batches.persist(entity);
        batchSites.add(coi, batch.collectionSite());
        ObjectNode payload = mapper.createObjectNode()
                .put("batchType", batch.type().name())
                .put("subjectReference", batch.subjectReference())
                .put("productCode", batch.productCode())
                .put("productVersion", product.version())
                .put("collectionSite", batch.collectionSite());
        CustodyEvent event = ledger.append(LedgerHead.GENESIS, new Ledger.NewCustodyEvent(coi.value(),
                CustodyEventType.BATCH_REGISTERED, batch.stage().name(), now, technician.actingAs(Roles.TECHNICIAN),
                batch.collectionSite(), payload));
        Log.infof("Batch %s registered (%s, product %s version %d)", coi, batch.type(), batch.productCode(),
                product.version());
        return new Registered(new BatchState(batch, OptionalInt.of(product.version()), LedgerHead.of(event),
                entity.registeredAt(), entity.updatedAt()), event);
    }

    /**
     * Records a step if the stage plan of the batch's product version allows it now and its time is
     * plausible.
     *
     * @throws BatchNotFoundException when no batch has the COI, or the technician may not see it
     * @throws SiteNotPermittedException when the step's site is not one of the technician's
     * @throws org.vein2vein.batch.domain.StepOutOfOrderException when the plan does not allow the stage
     * @throws StepTimeException when the step is dated in the future or before the previous event
     * @throws InvalidStepDataException when a shipment does not name its destination site
     * @throws StaleBatchException when the client's expected ledger sequence is not the batch's
     */
    public Recorded logStep(Coi coi, LogStep command, Caller technician) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant latestAccepted = now.plus(rules.maxClockSkew());
        if (command.occurredAt().isAfter(latestAccepted)) {
            throw new StepTimeException(StepTimeException.Reason.IN_FUTURE, command.occurredAt(), latestAccepted);
        }
        Optional<String> destination = destinationOf(command);
        BatchEntity entity = batches.findForUpdate(coi)
                .filter(found -> batchSites.anyOf(coi, technician.sites()))
                .orElseThrow(() -> new BatchNotFoundException(coi));
        requireSite(technician, command.site());
        LedgerHead head = ledger.head(coi.value());
        if (command.expectedSequence().isPresent() && command.expectedSequence().getAsLong() != head.sequence()) {
            throw new StaleBatchException(command.expectedSequence().getAsLong(), head.sequence());
        }
        Batch next = toDomain(entity).advanceTo(command.stage());
        Optional<Instant> earliestAccepted = head.lastOccurredAt().map(last -> last.minus(rules.maxClockSkew()));
        if (earliestAccepted.isPresent() && command.occurredAt().isBefore(earliestAccepted.get())) {
            throw new StepTimeException(StepTimeException.Reason.BEFORE_PREVIOUS_EVENT, command.occurredAt(),
                    earliestAccepted.get());
        }
        entity.apply(next, now);
        batchSites.add(coi, command.site());
        destination.ifPresent(site -> batchSites.add(coi, site));
        CustodyEvent event = ledger.append(head, new Ledger.NewCustodyEvent(coi.value(),
                CustodyEventType.STEP_RECORDED, next.stage().name(), command.occurredAt(),
                technician.actingAs(Roles.TECHNICIAN), command.site(), command.data()));
        Log.infof("Batch %s: %s recorded as event %d", coi, next.stage(), event.sequence());
        return new Recorded(new BatchState(next, entity.productVersion(), LedgerHead.of(event), entity.registeredAt(),
                entity.updatedAt()), event);
    }

    /** The batch, if it exists and the caller may see it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<BatchState> find(Coi coi, Caller caller) {
        return batches.find(coi)
                .filter(entity -> mayBeSeenBy(coi, caller))
                .map(entity -> new BatchState(toDomain(entity), entity.productVersion(), ledger.head(coi.value()),
                        entity.registeredAt(), entity.updatedAt()));
    }

    /**
     * The stored batch, following the stage plan of the product version it is pinned to. A batch
     * without a version was registered before products existed, for a product the catalogue does not
     * hold (the migration pinned every other one to version 1): it keeps the standard plan of its
     * type, the one all batches followed then.
     */
    /**
     * Whether the batch exists and the caller may see it: one query, for reads that need nothing
     * else of the batch (its custody history).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isVisible(Coi coi, Caller caller) {
        return caller.hasRole(Roles.QA) ? batches.exists(coi) : batchSites.anyOf(coi, caller.sites());
    }

    /** QA sees every batch; anyone else only those that have been at, or head to, one of their sites. */
    private boolean mayBeSeenBy(Coi coi, Caller caller) {
        return caller.hasRole(Roles.QA) || batchSites.anyOf(coi, caller.sites());
    }

    private Batch toDomain(BatchEntity entity) {
        OptionalInt pinned = entity.productVersion();
        if (pinned.isEmpty()) {
            return entity.toDomain(StagePlan.standard(entity.type()));
        }
        // The database's foreign key guarantees the pinned version exists.
        ProductVersion product = products.version(entity.productCode(), pinned.getAsInt())
                .orElseThrow(() -> new IllegalStateException("batch pinned to missing product version "
                        + entity.productCode() + " " + pinned.getAsInt()));
        return entity.toDomain(product.definition().stagePlan());
    }

    private static void requireSite(Caller technician, String site) {
        if (!technician.worksAt(site)) {
            throw new SiteNotPermittedException(site);
        }
    }

    /** A shipment names the site it goes to in {@code data.destinationSite}; other steps need not. */
    private static Optional<String> destinationOf(LogStep command) {
        if (!command.stage().isShipment()) {
            return Optional.empty();
        }
        JsonNode destination = command.data().get(DESTINATION_FIELD);
        if (destination == null || !destination.isTextual() || !Identifiers.isReference(destination.asText())) {
            throw new InvalidStepDataException("data." + DESTINATION_FIELD, "a shipment names the site it goes to: "
                    + "3 to 64 letters, digits, '.', '_', ':' or '-'");
        }
        return Optional.of(destination.asText());
    }

    public record Registered(BatchState state, CustodyEvent event) {
    }

    public record Recorded(BatchState state, CustodyEvent event) {
    }
}
