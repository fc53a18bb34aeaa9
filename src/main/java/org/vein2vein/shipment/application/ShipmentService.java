package org.vein2vein.shipment.application;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.logging.Log;

import org.vein2vein.batch.application.ClockSkewConfig;
import org.vein2vein.batch.application.ShipmentCustody;
import org.vein2vein.batch.application.ShipmentCustody.BatchStep;
import org.vein2vein.batch.application.ShipmentCustody.UnitOnRecord;
import org.vein2vein.batch.domain.BatchUnit;
import org.vein2vein.batch.domain.IdentityScan;
import org.vein2vein.batch.domain.StageData;
import org.vein2vein.batch.domain.rules.Step;
import org.vein2vein.custody.domain.CustodyEventType;
import org.vein2vein.kernel.Actor;
import org.vein2vein.kernel.Coi;
import org.vein2vein.platform.security.Caller;
import org.vein2vein.platform.security.Roles;
import org.vein2vein.shipment.domain.ArrivalTemperatureWithinClass;
import org.vein2vein.shipment.domain.CandidateUnit;
import org.vein2vein.shipment.domain.Handover;
import org.vein2vein.shipment.domain.HandoverParties;
import org.vein2vein.shipment.domain.Leg;
import org.vein2vein.shipment.domain.Party;
import org.vein2vein.shipment.domain.ReceivedUnitsEqualPacked;
import org.vein2vein.shipment.domain.Shipment;
import org.vein2vein.shipment.domain.ShipmentRefusal;
import org.vein2vein.shipment.domain.ShipmentRefusedException;
import org.vein2vein.shipment.domain.ShipmentStatus;
import org.vein2vein.shipment.domain.ShipmentTransitions;
import org.vein2vein.shipment.domain.UnitOnBoard;
import org.vein2vein.shipment.domain.UnitsShippable;
import org.vein2vein.shipment.persistence.ShipmentRepository;
import org.vein2vein.shipper.application.ShipperRegistry;
import org.vein2vein.site.application.SiteRegistry;
import org.vein2vein.site.application.SiteState;
import org.vein2vein.site.domain.Site;
import org.vein2vein.site.domain.SiteKind;

/**
 * Plans shipments and carries out their transitions, each in one transaction with what it does to
 * the batches on board ({@link ShipmentCustody}): packing records their shipping stage, handovers
 * their custody events, receipt their receiving stage; every transition is published to the
 * shipment's courier on the partner stream. A shipment is locked for its transition, so two
 * transitions of one shipment happen one after the other.
 */
@ApplicationScoped
@Transactional
public class ShipmentService {

    private static final String ID_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final RandomGenerator RANDOM = new SecureRandom();

    private final ShipmentRepository shipments;
    private final ShipmentCustody custody;
    private final ShipmentAccess access;
    private final SiteRegistry sites;
    private final PartnerStream partners;
    private final ShipmentEvents events;
    private final ObjectMapper mapper;
    private final ClockSkewConfig skew;
    private final ShipmentConfig config;
    private final ShipperRegistry shippers;
    private final Clock clock;

    public ShipmentService(ShipmentRepository shipments, ShipmentCustody custody, ShipmentAccess access,
            SiteRegistry sites, PartnerStream partners, ShipmentEvents events, ObjectMapper mapper,
            ClockSkewConfig skew, ShipmentConfig config, ShipperRegistry shippers, Clock clock) {
        this.config = config;
        this.shippers = shippers;
        this.shipments = shipments;
        this.custody = custody;
        this.access = access;
        this.sites = sites;
        this.partners = partners;
        this.events = events;
        this.mapper = mapper;
        this.skew = skew;
        this.clock = clock;
    }

    /** What a receipt or a packing came to: done, or refused with the refused attempt kept on record. */
    public sealed interface TransitionOutcome {
    }

    public record Done(Shipment shipment) implements TransitionOutcome {
    }

    /** A batch on board refused its stage under a rule that keeps the attempt (an identity mismatch). */
    public record RefusedOnRecord(Shipment shipment, ShipmentCustody.StagesRefused refusal)
            implements TransitionOutcome {
    }

    /**
     * Plans a shipment of units now at the origin, reserving them: no other open shipment may take them.
     *
     * @throws ShipmentRefusedException when a unit may not travel on it
     */
    public Shipment plan(PlanShipment command, Caller technician) {
        return ShipmentProblems.refusing(() -> planning(command, technician));
    }

    private Shipment planning(PlanShipment command, Caller technician) {
        access.requireTechnicianAt(technician, command.originSite());
        Site origin = activeSite(command.originSite(), "originSite");
        Site destination = activeSite(command.destinationSite(), "destinationSite");
        if (origin.code().equals(destination.code())) {
            throw invalid("destinationSite", "must not be the origin");
        }
        if (command.plannedArrivalAt().isBefore(command.plannedPickupAt())) {
            throw invalid("plannedArrivalAt", "must not be before plannedPickupAt");
        }
        Leg leg = destination.kind() == SiteKind.MANUFACTURING ? Leg.TO_MANUFACTURING : Leg.TO_TREATMENT_SITE;
        if (leg == Leg.TO_TREATMENT_SITE && destination.kind() != SiteKind.TREATMENT) {
            throw invalid("destinationSite", "must be a MANUFACTURING or TREATMENT site");
        }
        List<UnitOnRecord> found = custody.units(command.unitIds());
        UnitsShippable.require(command.unitIds(), candidates(found), origin.code(), destination.code(), leg);
        Instant now = now();
        Shipment shipment = new Shipment(newId(), origin.code(), destination.code(), command.courier(),
                command.shipperId(), command.trackingNumber(), command.temperatureClass(), leg, ShipmentStatus.PLANNED,
                origin.organisation(), command.plannedPickupAt(), command.plannedArrivalAt(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 1,
                found.stream().map(unit -> new UnitOnBoard(unit.coi(), unit.unitId())).toList(), List.of());
        shipments.insert(shipment, technician.actingAs(Roles.TECHNICIAN), now);
        List<String> taken = shipments.board(shipment.id(), shipment.units());
        if (!taken.isEmpty()) {
            throw new ShipmentRefusedException(ShipmentRefusal.of(ShipmentRefusal.Kind.UNIT_ON_ANOTHER_SHIPMENT,
                    "Unit " + String.join(", ", taken) + " is on another open shipment; a unit travels on one at a "
                            + "time.").with("unitIds", taken));
        }
        partners.publish(events.of(shipment, "PLANNED", now, Optional.empty(), Optional.empty(), Optional.empty()));
        Log.infof("Shipment %s planned from %s to %s with %d unit(s)", shipment.id(), shipment.originSite(),
                shipment.destinationSite(), shipment.units().size());
        return shipment;
    }

    /**
     * The units left controlled storage and are packed: records the shipping stage of every batch on board.
     */
    public TransitionOutcome pack(String id, PackShipment command, OptionalLong expectedVersion, Caller technician) {
        return ShipmentProblems.refusing(() -> packing(id, command, expectedVersion, technician));
    }

    private TransitionOutcome packing(String id, PackShipment command, OptionalLong expectedVersion, Caller technician) {
        Shipment shipment = lockedFor(id, technician, expectedVersion);
        access.requireTechnicianAt(technician, shipment.originSite());
        ShipmentTransitions.require(shipment, ShipmentTransitions.Action.PACK);
        Instant now = now();
        requireNotFuture(command.packedAt(), now, "packedAt");
        if (command.outOfStorageSince().isAfter(command.packedAt())) {
            throw invalid("outOfStorageSince", "must not be after packedAt");
        }
        if (shipment.plannedArrivalAt().isBefore(command.packedAt())) {
            throw invalid("packedAt", "must not be after the shipment's planned arrival (" + shipment.plannedArrivalAt()
                    + "): plan a new shipment");
        }
        shippers.requireFitForPacking(shipment.shipperId(), shipment.temperatureClass(), command.packedAt(),
                shipment.plannedArrivalAt());
        List<UnitOnRecord> found = custody.units(shipment.unitIds());
        UnitsShippable.require(shipment.unitIds(), candidates(found), shipment.originSite(), shipment.destinationSite(),
                shipment.leg());
        List<BatchStep> steps = new ArrayList<>();
        forEachStepUnit(found, (coi, unitIds) -> steps.add(new BatchStep(new Coi(coi),
                new Step(shipment.leg().shippedStage(), command.packedAt(), shipment.originSite(),
                        command.deviationReference(), new StageData.Shipment(shipment.destinationSite(),
                                shipment.courier(), shipment.shipperId(), shipment.temperatureClass(), unitIds,
                                Optional.of(command.outOfStorageSince()), Optional.of(shipment.id()))))));
        ShipmentCustody.StagesOutcome outcome = custody.recordStages(steps, technician.actingAs(Roles.TECHNICIAN), now);
        if (outcome instanceof ShipmentCustody.StagesRefused refused) {
            return new RefusedOnRecord(shipment, refused);
        }
        custody.boarded(shipment.id(), unitsByCoi(shipment), shipment.originSite(), command.packedAt());
        Shipment packed = with(shipment, ShipmentStatus.PACKED, shipment.custodian(),
                Optional.of(command.outOfStorageSince()), Optional.of(command.packedAt()), shipment.pickedUpAt(),
                shipment.deliveredAt(), shipment.receivedAt(), shipment.handovers());
        shipments.save(packed);
        partners.publish(events.of(packed, "PACKED", command.packedAt(), Optional.empty(), Optional.empty(),
                Optional.empty()));
        return new Done(packed);
    }

    /** Calls off a planned shipment (technician of the origin): its units are free to travel on another. */
    public Shipment cancel(String id, OptionalLong expectedVersion, Caller technician) {
        return ShipmentProblems.refusing(() -> cancelling(id, expectedVersion, technician));
    }

    private Shipment cancelling(String id, OptionalLong expectedVersion, Caller technician) {
        Shipment shipment = lockedFor(id, technician, expectedVersion);
        access.requireTechnicianAt(technician, shipment.originSite());
        ShipmentTransitions.require(shipment, ShipmentTransitions.Action.CANCEL);
        Instant now = now();
        shipments.closeUnits(shipment.id());
        Shipment cancelled = with(shipment, ShipmentStatus.CANCELLED, shipment.custodian(),
                shipment.outOfStorageSince(), shipment.packedAt(), shipment.pickedUpAt(), shipment.deliveredAt(),
                shipment.receivedAt(), shipment.handovers());
        shipments.save(cancelled);
        shipments.markCancelled(shipment.id(), now);
        partners.publish(events.of(cancelled, "CANCELLED", now, Optional.empty(), Optional.empty(), Optional.empty()));
        Log.infof("Shipment %s cancelled before packing", shipment.id());
        return cancelled;
    }

    /** The party holding the shipment hands it over; it holds it until the next party accepts. */
    public Shipment release(String id, ReleaseShipment command, OptionalLong expectedVersion, Caller caller) {
        return ShipmentProblems.refusing(() -> releasing(id, command, expectedVersion, caller));
    }

    private Shipment releasing(String id, ReleaseShipment command, OptionalLong expectedVersion, Caller caller) {
        Shipment shipment = lockedFor(id, caller, expectedVersion);
        ShipmentTransitions.require(shipment, ShipmentTransitions.Action.RELEASE);
        String releasing = releasingOrganisation(shipment, caller);
        Party from = shipment.status() == ShipmentStatus.PACKED
                ? Party.atSite(releasing, shipment.originSite()) : Party.partner(releasing);
        Party to = HandoverParties.releaseTo(shipment, releasing, command.toOrganisation(), command.toDestination(),
                sites.organisationOf(shipment.destinationSite()).orElse(shipment.destinationSite()));
        Instant now = now();
        requireNotFuture(command.occurredAt(), now, "occurredAt");
        requireNotBefore(command.occurredAt(), latestEvent(shipment), "occurredAt");
        Actor actor = actorOf(caller, shipment.status() == ShipmentStatus.PACKED);
        Handover handover = new Handover(shipment.nextHandoverNumber(), from, to, command.place(),
                command.occurredAt(), actor, Optional.empty());
        shipments.insertHandover(shipment.id(), handover);
        List<Handover> handovers = new ArrayList<>(shipment.handovers());
        handovers.add(handover);
        boolean delivering = command.toDestination();
        Shipment released = with(shipment, delivering ? ShipmentStatus.DELIVERED : shipment.status(),
                shipment.custodian(), shipment.outOfStorageSince(), shipment.packedAt(), shipment.pickedUpAt(),
                delivering ? Optional.of(command.occurredAt()) : shipment.deliveredAt(), shipment.receivedAt(),
                handovers);
        shipments.save(released);
        custody.appendToLedgers(unitsByCoi(shipment), CustodyEventType.HANDOVER_RELEASED, command.occurredAt(), actor,
                readPoint(shipment, handover), handoverPayload(shipment, handover));
        custody.handoverAwaited(shipment.id(), handover.number(), shipment.cois(), command.occurredAt(),
                config.handoverAcceptanceWithin());
        partners.publish(events.of(released, "HANDOVER_RELEASED", command.occurredAt(), Optional.of(handover),
                Optional.empty(), Optional.empty()));
        return released;
    }

    /** The party a handover is addressed to accepts it, with the condition it observed: custody passes. */
    public Shipment accept(String id, int number, AcceptHandover command, OptionalLong expectedVersion,
            Caller logistics) {
        return ShipmentProblems.refusing(() -> accepting(id, number, command, expectedVersion, logistics));
    }

    private Shipment accepting(String id, int number, AcceptHandover command, OptionalLong expectedVersion,
            Caller logistics) {
        Shipment shipment = lockedFor(id, logistics, expectedVersion);
        access.requireLogistics(logistics);
        ShipmentTransitions.require(shipment, ShipmentTransitions.Action.ACCEPT);
        Handover pending = HandoverParties.handoverToAccept(shipment, number, logistics.organisation());
        if (pending.to().site().isPresent()) {
            throw new ShipmentRefusedException(ShipmentRefusal.of(ShipmentRefusal.Kind.OUT_OF_ORDER, "Handover "
                    + number + " delivers the shipment to " + pending.to().site().get() + ", which accepts it by "
                    + "receiving it (POST /api/v1/shipments/" + id + "/receipt)."));
        }
        Instant now = now();
        requireNotFuture(command.occurredAt(), now, "occurredAt");
        requireNotBefore(command.occurredAt(), pending.releasedAt(), "occurredAt");
        Actor actor = logistics.actingAs(Roles.LOGISTICS);
        Handover accepted = pending.acceptedBy(actor, command.occurredAt(), command.condition());
        shipments.saveAcceptance(shipment.id(), accepted);
        boolean pickup = shipment.status() == ShipmentStatus.PACKED;
        Shipment moved = with(shipment, pickup ? ShipmentStatus.PICKED_UP : shipment.status(),
                pending.to().organisation(), shipment.outOfStorageSince(), shipment.packedAt(),
                pickup ? Optional.of(command.occurredAt()) : shipment.pickedUpAt(), shipment.deliveredAt(),
                shipment.receivedAt(), replaced(shipment.handovers(), accepted));
        shipments.save(moved);
        custody.handedOver(shipment.id(), shipment.cois(), pending.to().organisation(), command.occurredAt());
        custody.handoverAnswered(shipment.id(), number, shipment.cois(), command.occurredAt());
        ObjectNode payload = handoverPayload(shipment, accepted).put("condition", command.condition().name());
        custody.appendToLedgers(unitsByCoi(shipment), CustodyEventType.HANDOVER_ACCEPTED, command.occurredAt(), actor,
                readPoint(shipment, accepted), payload);
        partners.publish(events.of(moved, "HANDOVER_ACCEPTED", command.occurredAt(), Optional.of(accepted),
                Optional.empty(), Optional.of(command.condition().name())));
        return moved;
    }

    /**
     * The destination accepts the delivered shipment: the received units must be the packed units, the
     * arrival temperature within the class (or accepted under a deviation); records the receiving stage
     * of every batch on board, each an identity checkpoint.
     */
    public TransitionOutcome receive(String id, ReceiveShipment command, OptionalLong expectedVersion,
            Caller technician) {
        return ShipmentProblems.refusing(() -> receiving(id, command, expectedVersion, technician));
    }

    private TransitionOutcome receiving(String id, ReceiveShipment command, OptionalLong expectedVersion,
            Caller technician) {
        Shipment shipment = lockedFor(id, technician, expectedVersion);
        access.requireTechnicianAt(technician, shipment.destinationSite());
        ShipmentTransitions.require(shipment, ShipmentTransitions.Action.RECEIVE);
        Instant now = now();
        requireNotFuture(command.occurredAt(), now, "occurredAt");
        Handover delivery = shipment.pendingHandover().orElseThrow();
        requireNotBefore(command.occurredAt(), delivery.releasedAt(), "occurredAt");
        ReceivedUnitsEqualPacked.require(shipment, command.units().stream().map(ReceivedUnit::unitId).toList());
        boolean underDeviation = ArrivalTemperatureWithinClass.check(shipment, command.temperatureOnArrivalC(),
                command.deviationReference());
        List<UnitOnRecord> found = custody.units(shipment.unitIds());
        Map<String, ReceivedUnit> scans = new LinkedHashMap<>();
        command.units().forEach(unit -> scans.put(unit.unitId(), unit));
        List<BatchStep> steps = new ArrayList<>();
        forEachStepUnit(found, (coi, unitIds) -> steps.add(new BatchStep(new Coi(coi),
                new Step(shipment.leg().receivedStage(), command.occurredAt(), shipment.destinationSite(),
                        command.deviationReference(), new StageData.Receipt(scanFor(coi, unitIds, scans),
                                conditionOf(command.condition()), Optional.of(command.temperatureOnArrivalC()), unitIds,
                                Optional.of(shipment.id()))))));
        ShipmentCustody.StagesOutcome outcome = custody.recordStages(steps, technician.actingAs(Roles.TECHNICIAN), now);
        if (outcome instanceof ShipmentCustody.StagesRefused refused) {
            return new RefusedOnRecord(shipment, refused);
        }
        Actor actor = technician.actingAs(Roles.TECHNICIAN);
        Handover accepted = delivery.acceptedBy(actor, command.occurredAt(), command.condition());
        shipments.saveAcceptance(shipment.id(), accepted);
        shipments.saveArrival(shipment.id(), new ShipmentRepository.Arrival(command.condition().name(),
                command.temperatureOnArrivalC(), command.deviationReference()));
        shipments.closeUnits(shipment.id());
        custody.arrived(shipment.id(), shipment.cois(), shipment.destinationSite(), command.occurredAt());
        custody.handoverAnswered(shipment.id(), delivery.number(), shipment.cois(), command.occurredAt());
        Shipment received = with(shipment, ShipmentStatus.RECEIVED, delivery.to().organisation(),
                shipment.outOfStorageSince(), shipment.packedAt(), shipment.pickedUpAt(), shipment.deliveredAt(),
                Optional.of(command.occurredAt()), replaced(shipment.handovers(), accepted));
        shipments.save(received);
        partners.publish(events.of(received, "RECEIVED", command.occurredAt(), Optional.of(accepted),
                Optional.of(new ShipmentEventMessage.Temperature(command.temperatureOnArrivalC(), Optional.empty(),
                        Optional.empty(), Optional.empty())), Optional.of(command.condition().name())));
        Log.infof("Shipment %s received at %s%s", shipment.id(), shipment.destinationSite(),
                underDeviation ? " outside its temperature class, under a deviation" : "");
        return new Done(received);
    }

    /** The shipment, if it exists and the caller may see it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Shipment> find(String id, Caller caller) {
        return ShipmentIds.isShaped(id) ? shipments.find(id).filter(shipment -> access.maySee(caller, shipment))
                : Optional.empty();
    }

    /** The shipments the caller may see, in id order from {@code fromId}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Shipment> page(String fromId, int limit, Caller caller) {
        return shipments.page(fromId, limit, access.visibilityOf(caller));
    }

    private Shipment lockedFor(String id, Caller caller, OptionalLong expectedVersion) {
        Shipment shipment = (ShipmentIds.isShaped(id) ? shipments.findForUpdate(id) : Optional.<Shipment>empty())
                .filter(found -> access.maySee(caller, found))
                .orElseThrow(() -> new ShipmentNotFoundException(id));
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != shipment.version()) {
            throw new StaleShipmentException(expectedVersion.getAsLong(), shipment.version());
        }
        return shipment;
    }

    /** Who releases: the origin's technician while the origin holds it, else the holding courier's user. */
    private String releasingOrganisation(Shipment shipment, Caller caller) {
        if (shipment.status() == ShipmentStatus.PACKED) {
            access.requireTechnicianAt(caller, shipment.originSite());
            return shipment.custodian();
        }
        access.requireLogistics(caller);
        return caller.organisation();
    }

    private static Actor actorOf(Caller caller, boolean technicianAtOrigin) {
        return caller.actingAs(technicianAtOrigin ? Roles.TECHNICIAN : Roles.LOGISTICS);
    }

    /**
     * Calls {@code action} once per step to record: one for each batch's units together, but one per
     * dose of an allogeneic lot, since each dose travels on its own path.
     */
    private static void forEachStepUnit(List<UnitOnRecord> units, java.util.function.BiConsumer<String, List<String>> action) {
        Map<String, List<String>> together = new TreeMap<>();
        for (UnitOnRecord unit : units) {
            if (unit.kind() == BatchUnit.Kind.DOSE) {
                action.accept(unit.coi(), List.of(unit.unitId()));
            } else {
                together.computeIfAbsent(unit.coi(), coi -> new ArrayList<>()).add(unit.unitId());
            }
        }
        together.forEach(action);
    }

    /**
     * The identity scan a batch's receipt is checked with: a scan of one of its units that does not
     * match, if any (that is the mix-up the checkpoint exists for), else the first.
     */
    private static IdentityScan scanFor(String coi, List<String> unitIds, Map<String, ReceivedUnit> scans) {
        List<ReceivedUnit> received = unitIds.stream().map(scans::get).toList();
        return received.stream()
                .filter(unit -> !unit.scan().scannedCoi().equals(coi)
                        || unit.scan().scannedUnitId().filter(scanned -> !scanned.equals(unit.unitId())).isPresent())
                .findFirst().orElse(received.get(0)).scan();
    }

    private static StageData.Condition conditionOf(Handover.Condition condition) {
        return StageData.Condition.valueOf(condition.name());
    }

    static Map<String, List<String>> unitsByCoi(Shipment shipment) {
        Map<String, List<String>> unitsByCoi = new TreeMap<>();
        shipment.units().forEach(unit -> unitsByCoi.computeIfAbsent(unit.coi(), coi -> new ArrayList<>())
                .add(unit.unitId()));
        return unitsByCoi;
    }

    private static List<CandidateUnit> candidates(List<UnitOnRecord> found) {
        return found.stream().map(unit -> new CandidateUnit(unit.coi(), unit.unitId(), unit.kind(), unit.custody(),
                unit.boundFor())).toList();
    }

    private static List<Handover> replaced(List<Handover> handovers, Handover accepted) {
        return handovers.stream().map(handover -> handover.number() == accepted.number() ? accepted : handover).toList();
    }

    private static Shipment with(Shipment shipment, ShipmentStatus status, String custodian,
            Optional<Instant> outOfStorageSince, Optional<Instant> packedAt, Optional<Instant> pickedUpAt,
            Optional<Instant> deliveredAt, Optional<Instant> receivedAt, List<Handover> handovers) {
        return new Shipment(shipment.id(), shipment.originSite(), shipment.destinationSite(), shipment.courier(),
                shipment.shipperId(), shipment.trackingNumber(), shipment.temperatureClass(), shipment.leg(), status,
                custodian, shipment.plannedPickupAt(), shipment.plannedArrivalAt(), outOfStorageSince, packedAt,
                pickedUpAt, deliveredAt, receivedAt, shipment.version() + 1, shipment.units(), handovers);
    }

    /** When the latest thing recorded of the shipment happened. */
    private static Optional<Instant> latestEvent(Shipment shipment) {
        Optional<Instant> latest = shipment.packedAt();
        for (Handover handover : shipment.handovers()) {
            Instant at = handover.acceptance().map(Handover.Acceptance::at).orElse(handover.releasedAt());
            if (latest.isEmpty() || at.isAfter(latest.get())) {
                latest = Optional.of(at);
            }
        }
        return latest;
    }

    /** Where a handover happened: the releasing or receiving site, or for one in transit, the shipment. */
    private static String readPoint(Shipment shipment, Handover handover) {
        return handover.from().site().or(() -> handover.to().site()).orElse(shipment.id());
    }

    private ObjectNode handoverPayload(Shipment shipment, Handover handover) {
        ObjectNode payload = mapper.createObjectNode()
                .put("shipmentId", shipment.id())
                .put("handover", handover.number())
                .put("fromOrganisation", handover.from().organisation())
                .put("toOrganisation", handover.to().organisation());
        handover.from().site().ifPresent(site -> payload.put("fromSite", site));
        handover.to().site().ifPresent(site -> payload.put("toSite", site));
        handover.place().ifPresent(place -> payload.put("place", place));
        return payload;
    }

    private Site activeSite(String code, String field) {
        Site site = sites.find(code).map(SiteState::site)
                .orElseThrow(() -> invalid(field, "names no site of the registry"));
        if (!site.active()) {
            throw invalid(field, "names an inactive site");
        }
        return site;
    }

    private void requireNotFuture(Instant at, Instant now, String field) {
        if (at.isAfter(now.plus(skew.maxClockSkew()))) {
            throw invalid(field, "must not be in the future (latest accepted: " + now.plus(skew.maxClockSkew()) + ")");
        }
    }

    private static void requireNotBefore(Instant at, Optional<Instant> previous, String field) {
        previous.filter(at::isBefore).ifPresent(earlier -> {
            throw invalid(field, "must not be before the shipment's previous event (" + earlier + ")");
        });
    }

    private static void requireNotBefore(Instant at, Instant previous, String field) {
        requireNotBefore(at, Optional.of(previous), field);
    }

    private static InvalidShipmentRequestException invalid(String field, String rule) {
        return new InvalidShipmentRequestException(field, rule);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String newId() {
        StringBuilder id = new StringBuilder("SHP-");
        for (int i = 0; i < 12; i++) {
            id.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    /** A unit as received: its id and what was scanned from its label. */
    public record ReceivedUnit(String unitId, IdentityScan scan) {
    }

    public record PlanShipment(String originSite, String destinationSite, String courier, String shipperId,
            Optional<String> trackingNumber, org.vein2vein.product.domain.TemperatureClass temperatureClass,
            Instant plannedPickupAt, Instant plannedArrivalAt, List<String> unitIds) {
        public PlanShipment {
            plannedPickupAt = plannedPickupAt.truncatedTo(ChronoUnit.MICROS);
            plannedArrivalAt = plannedArrivalAt.truncatedTo(ChronoUnit.MICROS);
        }
    }

    // Times are kept to the microsecond, as the database keeps them: compared before and after storing alike.

    public record PackShipment(Instant packedAt, Instant outOfStorageSince, Optional<String> deviationReference) {
        public PackShipment {
            // Only the event's own time: outOfStorageSince is step data, kept as sent.
            packedAt = packedAt.truncatedTo(ChronoUnit.MICROS);
        }
    }

    public record ReleaseShipment(Instant occurredAt, Optional<String> toOrganisation, boolean toDestination,
            Optional<String> place) {
        public ReleaseShipment {
            occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        }
    }

    public record AcceptHandover(Instant occurredAt, Handover.Condition condition) {
        public AcceptHandover {
            occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        }
    }

    public record ReceiveShipment(Instant occurredAt, Handover.Condition condition, BigDecimal temperatureOnArrivalC,
            Optional<String> deviationReference, List<ReceivedUnit> units) {
        public ReceiveShipment {
            occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        }
    }
}
