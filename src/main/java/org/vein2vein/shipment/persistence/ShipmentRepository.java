package org.vein2vein.shipment.persistence;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.vein2vein.kernel.Actor;
import org.vein2vein.platform.persistence.NativeValues;
import org.vein2vein.product.domain.TemperatureClass;
import org.vein2vein.shipment.domain.Handover;
import org.vein2vein.shipment.domain.Leg;
import org.vein2vein.shipment.domain.Party;
import org.vein2vein.shipment.domain.Shipment;
import org.vein2vein.shipment.domain.ShipmentStatus;
import org.vein2vein.shipment.domain.UnitOnBoard;

/**
 * Shipments, the units they carry and their handovers (tables shipment, shipment_unit, handover).
 * Plain statements: a shipment is read whole and written field by field at each transition.
 */
@ApplicationScoped
public class ShipmentRepository {

    private static final String SELECT_SHIPMENT = "select id, origin_site, destination_site, courier, shipper_id, "
            + "tracking_number, temperature_class, leg, status, custodian, planned_pickup_at, planned_arrival_at, "
            + "out_of_storage_since, packed_at, picked_up_at, delivered_at, received_at, version from shipment";

    private final EntityManager entityManager;

    public ShipmentRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Receipt details kept with the shipment. */
    public record Arrival(String condition, BigDecimal temperatureC, Optional<String> deviationReference) {
    }

    public void insert(Shipment shipment, Actor createdBy, Instant now) {
        entityManager.createNativeQuery("insert into shipment (id, origin_site, destination_site, courier, shipper_id, "
                + "tracking_number, temperature_class, leg, status, custodian, planned_pickup_at, planned_arrival_at, "
                + "created_by_id, created_by_org, created_at, version) values (:id, :origin, :destination, :courier, "
                + ":shipper, :tracking, :class, :leg, :status, :custodian, :pickup, :arrival, :by, :org, :now, :version)")
                .setParameter("id", shipment.id())
                .setParameter("origin", shipment.originSite())
                .setParameter("destination", shipment.destinationSite())
                .setParameter("courier", shipment.courier())
                .setParameter("shipper", shipment.shipperId())
                .setParameter("tracking", shipment.trackingNumber().orElse(null))
                .setParameter("class", shipment.temperatureClass().name())
                .setParameter("leg", shipment.leg().name())
                .setParameter("status", shipment.status().name())
                .setParameter("custodian", shipment.custodian())
                .setParameter("pickup", Timestamp.from(shipment.plannedPickupAt()))
                .setParameter("arrival", Timestamp.from(shipment.plannedArrivalAt()))
                .setParameter("by", createdBy.id())
                .setParameter("org", createdBy.organisation())
                .setParameter("now", Timestamp.from(now))
                .setParameter("version", shipment.version())
                .executeUpdate();
    }

    /**
     * Puts the units on the shipment, open: a unit already on another open shipment is not added.
     *
     * @return the ids of units another open shipment holds (the caller rolls back)
     */
    public List<String> board(String shipmentId, List<UnitOnBoard> units) {
        for (UnitOnBoard unit : units.stream().sorted((a, b) -> a.unitId().compareTo(b.unitId())).toList()) {
            entityManager.createNativeQuery("insert into shipment_unit (shipment_id, unit_id, coi, open) "
                    + "values (:shipment, :unit, :coi, true) on conflict (unit_id) where open do nothing")
                    .setParameter("shipment", shipmentId)
                    .setParameter("unit", unit.unitId())
                    .setParameter("coi", unit.coi())
                    .executeUpdate();
        }
        return onOtherOpenShipments(units.stream().map(UnitOnBoard::unitId).toList(), shipmentId);
    }

    public Optional<Shipment> find(String id) {
        return read(entityManager.createNativeQuery(SELECT_SHIPMENT + " where id = :id").setParameter("id", id));
    }

    /** The shipment, locked until the transaction ends: its transitions happen one at a time. */
    public Optional<Shipment> findForUpdate(String id) {
        return read(entityManager.createNativeQuery(SELECT_SHIPMENT + " where id = :id for update")
                .setParameter("id", id));
    }

    /**
     * Shipments in id order from {@code fromId}, at most {@code limit}: every one, or those a party
     * may see (its organisation is the courier or took part in a handover; its sites are the origin
     * or destination).
     */
    public List<Shipment> page(String fromId, int limit, Optional<Visibility> visibility) {
        String where = visibility.isEmpty() ? "" : " and (origin_site in (:sites) or destination_site in (:sites) "
                + "or courier = :org or id in (select shipment_id from handover where to_organisation = :org))";
        Query query = entityManager.createNativeQuery(SELECT_SHIPMENT + " where id >= :from" + where
                + " order by id limit :limit")
                .setParameter("from", fromId)
                .setParameter("limit", limit);
        visibility.ifPresent(seen -> query
                .setParameter("sites", seen.sites().isEmpty() ? Set.of("") : seen.sites())
                .setParameter("org", seen.organisation().orElse("")));
        return query.getResultList().stream().map(row -> shipment((Object[]) row)).toList();
    }

    /** Who a caller is, for the shipments it may see. */
    public record Visibility(Set<String> sites, Optional<String> organisation) {
    }

    /** Saves what a transition changed: status, custodian, times, and the next version. */
    public void save(Shipment shipment) {
        entityManager.createNativeQuery("update shipment set status = :status, custodian = :custodian, "
                + "out_of_storage_since = :oos, packed_at = :packed, picked_up_at = :picked, delivered_at = :delivered, "
                + "received_at = :received, version = :version where id = :id")
                .setParameter("status", shipment.status().name())
                .setParameter("custodian", shipment.custodian())
                .setParameter("oos", timestamp(shipment.outOfStorageSince()))
                .setParameter("packed", timestamp(shipment.packedAt()))
                .setParameter("picked", timestamp(shipment.pickedUpAt()))
                .setParameter("delivered", timestamp(shipment.deliveredAt()))
                .setParameter("received", timestamp(shipment.receivedAt()))
                .setParameter("version", shipment.version())
                .setParameter("id", shipment.id())
                .executeUpdate();
    }

    public void saveArrival(String shipmentId, Arrival arrival) {
        entityManager.createNativeQuery("update shipment set arrival_condition = :condition, "
                + "arrival_temperature_c = :temperature, deviation_reference = :deviation where id = :id")
                .setParameter("condition", arrival.condition())
                .setParameter("temperature", arrival.temperatureC())
                .setParameter("deviation", arrival.deviationReference().orElse(null))
                .setParameter("id", shipmentId)
                .executeUpdate();
    }

    /** The shipment was received: its units are free to travel again. */
    public void closeUnits(String shipmentId) {
        entityManager.createNativeQuery("update shipment_unit set open = false where shipment_id = :id")
                .setParameter("id", shipmentId)
                .executeUpdate();
    }

    public void insertHandover(String shipmentId, Handover handover) {
        entityManager.createNativeQuery("insert into handover (shipment_id, number, from_organisation, from_site, "
                + "to_organisation, to_site, place, released_at, released_by_id, released_by_role) values (:id, "
                + ":number, :fromOrg, :fromSite, :toOrg, :toSite, :place, :at, :by, :role)")
                .setParameter("id", shipmentId)
                .setParameter("number", handover.number())
                .setParameter("fromOrg", handover.from().organisation())
                .setParameter("fromSite", handover.from().site().orElse(null))
                .setParameter("toOrg", handover.to().organisation())
                .setParameter("toSite", handover.to().site().orElse(null))
                .setParameter("place", handover.place().orElse(null))
                .setParameter("at", Timestamp.from(handover.releasedAt()))
                .setParameter("by", handover.releasedBy().id())
                .setParameter("role", handover.releasedBy().role())
                .executeUpdate();
    }

    public void saveAcceptance(String shipmentId, Handover handover) {
        Handover.Acceptance acceptance = handover.acceptance().orElseThrow();
        entityManager.createNativeQuery("update handover set accepted_at = :at, accepted_by_id = :by, "
                + "accepted_by_role = :role, accepted_condition = :condition where shipment_id = :id and number = :number")
                .setParameter("at", Timestamp.from(acceptance.at()))
                .setParameter("by", acceptance.by().id())
                .setParameter("role", acceptance.by().role())
                .setParameter("condition", acceptance.condition().name())
                .setParameter("id", shipmentId)
                .setParameter("number", handover.number())
                .executeUpdate();
    }

    /** Ids of open shipments whose oldest pending handover was released before {@code before}. */
    @SuppressWarnings("unchecked")
    public List<Object[]> pendingHandoversReleasedBefore(Instant before, int limit) {
        return entityManager.createNativeQuery("select shipment_id, number, released_at from handover "
                + "where accepted_at is null and released_at < :before order by released_at limit :limit")
                .setParameter("before", Timestamp.from(before))
                .setParameter("limit", limit)
                .getResultList();
    }

    private Optional<Shipment> read(Query query) {
        List<?> rows = query.getResultList();
        return rows.stream().findFirst().map(row -> shipment((Object[]) row));
    }

    private Shipment shipment(Object[] row) {
        String id = (String) row[0];
        return new Shipment(id, (String) row[1], (String) row[2], (String) row[3], (String) row[4],
                Optional.ofNullable((String) row[5]), TemperatureClass.valueOf((String) row[6]),
                Leg.valueOf((String) row[7]), ShipmentStatus.valueOf((String) row[8]), (String) row[9],
                NativeValues.instant(row[10]), NativeValues.instant(row[11]), instant(row[12]), instant(row[13]),
                instant(row[14]), instant(row[15]), instant(row[16]), ((Number) row[17]).longValue(), units(id),
                handovers(id));
    }

    private List<UnitOnBoard> units(String shipmentId) {
        List<?> rows = entityManager.createNativeQuery("select coi, unit_id from shipment_unit where shipment_id = :id "
                + "order by unit_id").setParameter("id", shipmentId).getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(columns -> new UnitOnBoard((String) columns[0], (String) columns[1])).toList();
    }

    private List<Handover> handovers(String shipmentId) {
        List<?> rows = entityManager.createNativeQuery("select number, from_organisation, from_site, to_organisation, "
                + "to_site, place, released_at, released_by_id, released_by_role, accepted_at, accepted_by_id, "
                + "accepted_by_role, accepted_condition from handover where shipment_id = :id order by number")
                .setParameter("id", shipmentId).getResultList();
        return rows.stream().map(row -> (Object[]) row).map(ShipmentRepository::handover).toList();
    }

    private static Handover handover(Object[] row) {
        Optional<Handover.Acceptance> acceptance = Optional.ofNullable(row[9]).map(at -> new Handover.Acceptance(
                NativeValues.instant(at), new Actor((String) row[10], (String) row[11], (String) row[3]),
                Handover.Condition.valueOf((String) row[12])));
        return new Handover(((Number) row[0]).intValue(),
                new Party((String) row[1], Optional.ofNullable((String) row[2])),
                new Party((String) row[3], Optional.ofNullable((String) row[4])), Optional.ofNullable((String) row[5]),
                NativeValues.instant(row[6]), new Actor((String) row[7], (String) row[8], (String) row[1]), acceptance);
    }

    private static Optional<Instant> instant(Object value) {
        return Optional.ofNullable(value).map(NativeValues::instant);
    }

    private static Timestamp timestamp(Optional<Instant> instant) {
        return instant.map(Timestamp::from).orElse(null);
    }

    /** Of the units, those on an open shipment other than {@code shipmentId}. */
    @SuppressWarnings("unchecked")
    private List<String> onOtherOpenShipments(Collection<String> unitIds, String shipmentId) {
        return entityManager.createNativeQuery("select unit_id from shipment_unit where open and unit_id in (:units) "
                + "and shipment_id <> :id order by unit_id")
                .setParameter("units", unitIds).setParameter("id", shipmentId).getResultList();
    }
}
