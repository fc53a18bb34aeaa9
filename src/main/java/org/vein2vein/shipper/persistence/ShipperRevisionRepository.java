package org.vein2vein.shipper.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ShipperRevisionRepository
        implements PanacheRepositoryBase<ShipperRevisionEntity, ShipperRevisionEntity.Key> {
}
