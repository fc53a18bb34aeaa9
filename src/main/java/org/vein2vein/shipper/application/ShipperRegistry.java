package org.vein2vein.shipper.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

import org.vein2vein.kernel.Actor;
import org.vein2vein.platform.security.Caller;
import org.vein2vein.platform.security.Roles;
import org.vein2vein.product.domain.TemperatureClass;
import org.vein2vein.shipper.domain.DaysAndTime;
import org.vein2vein.shipper.domain.Shipper;
import org.vein2vein.shipper.domain.ShipperFitness;
import org.vein2vein.shipper.domain.ShipperRevision;
import org.vein2vein.shipper.domain.ShipperType;
import org.vein2vein.shipper.domain.Unfitness;
import org.vein2vein.shipper.persistence.ShipperEntity;
import org.vein2vein.shipper.persistence.ShipperRepository;
import org.vein2vein.shipper.persistence.ShipperRevisionEntity;
import org.vein2vein.shipper.persistence.ShipperRevisionRepository;

/**
 * The registry of shippers, managed by administrators, and the check packing makes against it.
 * Each version of a shipper is also appended to its revisions, in the same transaction, with who
 * wrote it: a requalification never hides what was before.
 */
@ApplicationScoped
@Transactional
public class ShipperRegistry {

    private final ShipperRepository shippers;
    private final ShipperRevisionRepository revisions;
    private final ShipperFitness fitness;
    private final Clock clock;

    public ShipperRegistry(ShipperRepository shippers, ShipperRevisionRepository revisions,
            ShipperFitnessConfig config, Clock clock) {
        this.shippers = shippers;
        this.revisions = revisions;
        this.fitness = fitness(config);
        this.clock = clock;
    }

    /** Created at start, so that a negative margin stops the service before any packing is judged by it. */
    void start(@Observes StartupEvent startup) {
        Log.infof("Packing requires a shipper to hold the planned transit plus %s "
                + "(vein2vein.shipments.hold-time-margin)", DaysAndTime.format(fitness.holdTimeMargin()));
    }

    /**
     * The rule with the configured margin.
     *
     * @throws IllegalArgumentException when the margin is negative
     */
    static ShipperFitness fitness(ShipperFitnessConfig config) {
        Duration margin = config.holdTimeMargin();
        try {
            return new ShipperFitness(margin);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("vein2vein.shipments.hold-time-margin must be zero or longer, not "
                    + margin, e);
        }
    }

    /**
     * Registers a shipper, active, at version 1.
     *
     * @throws ShipperExistsException when a shipper has the id already
     */
    public ShipperState create(String id, ShipperType type, Instant qualifiedUntil, Duration validatedHoldTime,
            Caller admin) {
        shippers.lockId(id);
        if (shippers.exists(id)) {
            throw new ShipperExistsException(id);
        }
        return created(Shipper.create(id, type, qualifiedUntil, validatedHoldTime), admin.actingAs(Roles.ADMIN));
    }

    /** Creates the shipper unless one has its id, whatever its values; replicas doing so at once create it once. */
    public Optional<ShipperState> createIfAbsent(Shipper shipper, Actor author) {
        shippers.lockId(shipper.id());
        return shippers.exists(shipper.id()) ? Optional.empty() : Optional.of(created(shipper, author));
    }

    private ShipperState created(Shipper shipper, Actor author) {
        Instant now = now();
        ShipperEntity entity = ShipperEntity.of(shipper, now);
        shippers.persist(entity);
        revisions.persist(ShipperRevisionEntity.of(new ShipperRevision(shipper, now, author)));
        Log.infof("Shipper %s registered (%s, qualified until %s)", shipper.id(), shipper.type(),
                shipper.qualifiedUntil());
        return new ShipperState(shipper, entity.createdAt(), entity.updatedAt());
    }

    /**
     * Replaces the shipper's values if it is still at the version the client read.
     *
     * @throws ShipperNotFoundException when no shipper has the id
     * @throws StaleShipperException when the shipper is no longer at {@code expectedVersion}
     */
    public ShipperState update(String id, long expectedVersion, ShipperValues values, Caller admin) {
        ShipperEntity entity = shippers.findForUpdate(id).orElseThrow(() -> new ShipperNotFoundException(id));
        Shipper current = entity.toDomain();
        if (current.version() != expectedVersion) {
            throw new StaleShipperException(expectedVersion, current.version());
        }
        Shipper next = current.revise(values.type(), values.qualifiedUntil(), values.validatedHoldTime(),
                values.active());
        Instant now = now();
        entity.apply(next, now);
        revisions.persist(ShipperRevisionEntity.of(new ShipperRevision(next, now, admin.actingAs(Roles.ADMIN))));
        Log.infof("Shipper %s changed to version %d", id, next.version());
        return new ShipperState(next, entity.createdAt(), entity.updatedAt());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ShipperState> find(String id) {
        return shippers.find(id).map(ShipperRegistry::stateOf);
    }

    /** Up to {@code limit} shippers from {@code fromId} on, in id order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ShipperPage page(String fromId, int limit) {
        // One row more than the page is read: when it is there, the next page starts with it.
        List<ShipperState> rows = shippers.page(fromId, limit + 1).stream().map(ShipperRegistry::stateOf).toList();
        if (rows.size() <= limit) {
            return new ShipperPage(rows, Optional.empty());
        }
        return new ShipperPage(rows.subList(0, limit), Optional.of(rows.get(limit).shipper().id()));
    }

    /**
     * Passes when the shipper may carry a shipment of {@code temperatureClass} packed at
     * {@code packedAt} and planned to arrive at {@code plannedArrivalAt} (rule {@link ShipperFitness},
     * with the configured margin). Writes nothing; a refusal leaves the caller's transaction to the caller.
     *
     * @throws ShipperNotRegisteredException when no shipper has the id
     * @throws ShipperUnfitException         when the shipper may not carry it, with every reason
     * @throws IllegalArgumentException      when the planned arrival is before the packing
     */
    @Transactional(value = Transactional.TxType.SUPPORTS,
            dontRollbackOn = { ShipperNotRegisteredException.class, ShipperUnfitException.class })
    public void requireFitForPacking(String shipperId, TemperatureClass temperatureClass, Instant packedAt,
            Instant plannedArrivalAt) {
        Shipper shipper = shippers.find(shipperId).map(ShipperEntity::toDomain)
                .orElseThrow(() -> new ShipperNotRegisteredException(shipperId));
        List<Unfitness> reasons = fitness.assess(shipper, temperatureClass, packedAt, plannedArrivalAt);
        if (!reasons.isEmpty()) {
            throw new ShipperUnfitException(shipperId, reasons);
        }
    }

    private static ShipperState stateOf(ShipperEntity entity) {
        return new ShipperState(entity.toDomain(), entity.createdAt(), entity.updatedAt());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
