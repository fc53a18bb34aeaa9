package org.vein2vein.batch.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalInt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.logging.Log;

import org.vein2vein.batch.domain.Batch;
import org.vein2vein.batch.persistence.CollectionRepository;
import org.vein2vein.batch.persistence.BatchEntity;
import org.vein2vein.batch.persistence.BatchRepository;
import org.vein2vein.batch.persistence.BatchSiteRepository;
import org.vein2vein.batch.persistence.BatchUnitRepository;
import org.vein2vein.custody.application.Ledger;
import org.vein2vein.custody.domain.ChainVerification.RecordedState;
import org.vein2vein.custody.domain.CustodyEvent;
import org.vein2vein.custody.domain.CustodyEventType;
import org.vein2vein.custody.domain.LedgerHead;
import org.vein2vein.kernel.BatchType;
import org.vein2vein.kernel.Coi;
import org.vein2vein.platform.security.Caller;
import org.vein2vein.platform.security.Roles;
import org.vein2vein.product.application.ProductCatalogue;
import org.vein2vein.site.application.SiteRegistry;
import org.vein2vein.site.application.SiteState;
import org.vein2vein.site.domain.Site;
import org.vein2vein.site.domain.SiteKind;
import org.vein2vein.product.domain.ProductVersion;

/**
 * Registers batches and answers what they are. A registration, its ledger event and its outbox
 * message are written in one transaction; {@link StepService} records the steps.
 *
 * <p>Who may see what: QA sees every batch; a technician sees the batches that have been at, or
 * are on their way to, one of the sites in their token, and acts only at those sites. A batch a
 * technician may not see is answered as if it did not exist.
 */
@ApplicationScoped
@Transactional
public class BatchService {

    private final BatchRepository batches;
    private final BatchSiteRepository batchSites;
    private final Ledger ledger;
    private final BatchUnitRepository units;
    private final CollectionRepository collections;
    private final PinnedProducts pinnedProducts;
    private final ProductCatalogue products;
    private final SiteRegistry sites;
    private final ObjectMapper mapper;
    private final Clock clock;

    public BatchService(BatchRepository batches, BatchSiteRepository batchSites, BatchUnitRepository units, CollectionRepository collections,
            Ledger ledger, PinnedProducts pinnedProducts, ProductCatalogue products, SiteRegistry sites, ObjectMapper mapper,
            Clock clock) {
        this.sites = sites;
        this.batches = batches;
        this.batchSites = batchSites;
        this.units = units;
        this.collections = collections;
        this.ledger = ledger;
        this.pinnedProducts = pinnedProducts;
        this.products = products;
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
        requireCollectingSite(command.collectionSite());
        Optional<String> treatmentSite = treatmentSiteOf(command);
        ProductVersion product = products.versionForNewBatch(command.productCode(), command.type());
        Coi coi = Coi.random();
        while (batches.exists(coi)) {
            coi = Coi.random();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Batch batch = Batch.register(coi, command.type(), command.subjectReference(), command.productCode(),
                command.collectionSite(), product.definition().stagePlan());
        BatchEntity entity = BatchEntity.of(batch, product.version(), treatmentSite, now);
        // Set before the row is written (the statements below flush it): one insert, no update after it.
        entity.stateSetBy(LedgerHead.GENESIS.nextSequence());
        batches.persist(entity);
        batchSites.add(coi, batch.collectionSite());
        ObjectNode payload = mapper.createObjectNode()
                .put("batchType", batch.type().name())
                .put("subjectReference", batch.subjectReference())
                .put("productCode", batch.productCode())
                .put("productVersion", product.version())
                .put("collectionSite", batch.collectionSite());
        treatmentSite.ifPresent(site -> payload.put("treatmentSite", site));
        CustodyEvent event = ledger.append(LedgerHead.GENESIS, new Ledger.NewCustodyEvent(coi.value(),
                CustodyEventType.BATCH_REGISTERED, batch.stage().name(), now, technician.actingAs(Roles.TECHNICIAN),
                batch.collectionSite(), payload));
        Log.infof("Batch %s registered (%s, product %s version %d)", coi, batch.type(), batch.productCode(),
                product.version());
        return new Registered(new BatchState(batch, OptionalInt.of(product.version()), LedgerHead.of(event),
                entity.registeredAt(), entity.updatedAt(), List.of(), List.of()), event);
    }

    /** The batch, if it exists and the caller may see it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<BatchState> find(Coi coi, Caller caller) {
        return batches.find(coi)
                .filter(entity -> mayBeSeenBy(coi, caller))
                .map(entity -> state(entity, entity.toDomain(pinnedProducts.rulesOf(entity).plan()),
                        ledger.head(coi.value())));
    }

    /**
     * Checks that the batch exists and the caller may see it: one query, for reads that need nothing
     * else of the batch (its custody history, clocks, doses).
     *
     * @throws BatchNotFoundException when it does not, or the caller may not see it
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireVisible(Coi coi, Caller caller) {
        if (!(caller.hasRole(Roles.QA) ? batches.exists(coi) : batchSites.anyOf(coi, caller.sites()))) {
            throw new BatchNotFoundException(coi);
        }
    }

    /** The unit with this id, if there is one and the caller may see its batch. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<BatchUnitRepository.StoredUnit> findUnit(String unitId, Caller caller) {
        return units.withIds(List.of(unitId)).stream().findFirst()
                .filter(unit -> mayBeSeenBy(new Coi(unit.coi()), caller));
    }

    /** The batch record's account of the ledger event that set its current stage, for verification. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RecordedState> recordedState(Coi coi) {
        return batches.find(coi).flatMap(entity -> entity.stateSequence().isPresent()
                ? Optional.of(new RecordedState(entity.stateSequence().getAsLong(), entity.stage().name()))
                : Optional.empty());
    }

    /**
     * The batches under way whose clocks the caller may see: every one for QA and logistics (empty), a
     * technician's those that have been at, or head to, one of their sites.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Set<String>> activeBatchesVisibleTo(Caller caller) {
        return caller.hasRole(Roles.QA) || caller.hasRole(Roles.LOGISTICS) ? Optional.empty()
                : Optional.of(batchSites.activeAt(caller.sites()));
    }

    /** QA sees every batch; anyone else only those that have been at, or head to, one of their sites. */
    private boolean mayBeSeenBy(Coi coi, Caller caller) {
        return caller.hasRole(Roles.QA) || batchSites.anyOf(coi, caller.sites());
    }

    /** The batch as stored, with its units, collections and the head of its ledger. */
    @Transactional(Transactional.TxType.SUPPORTS)
    BatchState state(BatchEntity entity, Batch batch, LedgerHead head) {
        return new BatchState(batch, entity.productVersion(), head, entity.registeredAt(), entity.updatedAt(),
                units.of(batch.coi()), collections.of(batch.coi()));
    }

    /**
     * An autologous batch returns to its patient's treatment site: the one registration names (a
     * TREATMENT site of the registry), else the collection site. An allogeneic lot has none: each dose
     * goes where its recipient is, named when it is allocated.
     */
    private Optional<String> treatmentSiteOf(RegisterBatch command) {
        if (command.type() == BatchType.ALLOGENEIC) {
            if (command.treatmentSite().isPresent()) {
                throw new TreatmentSiteNotApplicableException("is for autologous batches: each dose of an "
                        + "allogeneic lot goes to the treatment site named when it is allocated");
            }
            return Optional.empty();
        }
        if (command.treatmentSite().isEmpty()) {
            return Optional.of(command.collectionSite());
        }
        String code = command.treatmentSite().get();
        Site site = sites.find(code).map(SiteState::site).orElseThrow(() -> new TreatmentSiteNotApplicableException(
                "names no site of the registry"));
        if (!site.active() || site.kind() != SiteKind.TREATMENT) {
            throw new TreatmentSiteNotApplicableException("must name an active TREATMENT site");
        }
        return Optional.of(code);
    }

    /** Cells are collected at an apheresis centre, or at a hospital that does its own apheresis. */
    private void requireCollectingSite(String code) {
        Site site = sites.find(code).map(SiteState::site).orElseThrow(() -> new CollectionSiteNotApplicableException(
                "names no site of the registry: an administrator registers sites first"));
        if (!site.active()) {
            throw new CollectionSiteNotApplicableException("names an inactive site");
        }
        if (site.kind() != SiteKind.COLLECTION && site.kind() != SiteKind.TREATMENT) {
            throw new CollectionSiteNotApplicableException("names a " + site.kind() + " site: cells are collected at a "
                    + "COLLECTION or TREATMENT site");
        }
    }

    static void requireSite(Caller technician, String site) {
        if (!technician.worksAt(site)) {
            throw new SiteNotPermittedException(site);
        }
    }

    public record Registered(BatchState state, CustodyEvent event) {
    }

}
