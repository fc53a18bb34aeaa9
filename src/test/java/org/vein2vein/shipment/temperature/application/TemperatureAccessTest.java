package org.vein2vein.shipment.temperature.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.vein2vein.platform.security.Caller;
import org.vein2vein.platform.security.Roles;
import org.vein2vein.product.domain.TemperatureClass;
import org.vein2vein.shipment.domain.ShipmentStatus;
import org.vein2vein.shipment.temperature.domain.MonitoredShipment;

class TemperatureAccessTest {

    private static final MonitoredShipment SHIPMENT = new MonitoredShipment("SHP-000000000001", ShipmentStatus.PACKED,
            "SITE-LYON-01", "MFG-GENT-01", "CRYO-COURIER-1", TemperatureClass.CRYO_AT_OR_BELOW_MINUS_150_C,
            Optional.of(Instant.parse("2026-11-25T08:00:00Z")), Optional.empty());

    @Test
    void theCouriersLogisticsUsersUploadAndRead() {
        Caller courier = caller(Roles.LOGISTICS, "CRYO-COURIER-1");

        assertThat(TemperatureAccess.mayUpload(courier, SHIPMENT)).isTrue();
        assertThat(TemperatureAccess.mayRead(courier, SHIPMENT)).isTrue();
    }

    @Test
    void anotherCourierNeitherUploadsNorReads() {
        Caller other = caller(Roles.LOGISTICS, "FROST-EXPRESS");

        assertThat(TemperatureAccess.mayUpload(other, SHIPMENT)).isFalse();
        assertThat(TemperatureAccess.mayRead(other, SHIPMENT)).isFalse();
    }

    @Test
    void techniciansOfTheOriginOrTheDestinationUploadAndRead() {
        for (String site : new String[] { "SITE-LYON-01", "MFG-GENT-01" }) {
            Caller technician = caller(Roles.TECHNICIAN, "HOSP-LYON", site);

            assertThat(TemperatureAccess.mayUpload(technician, SHIPMENT)).as(site).isTrue();
            assertThat(TemperatureAccess.mayRead(technician, SHIPMENT)).as(site).isTrue();
        }
    }

    @Test
    void aTechnicianOfAnotherSiteNeitherUploadsNorReads() {
        Caller elsewhere = caller(Roles.TECHNICIAN, "HOSP-BRUX", "SITE-BRUX-02");

        assertThat(TemperatureAccess.mayUpload(elsewhere, SHIPMENT)).isFalse();
        assertThat(TemperatureAccess.mayRead(elsewhere, SHIPMENT)).isFalse();
    }

    @Test
    void aTechnicianOfTheCouriersOrganisationIsNoCourier() {
        assertThat(TemperatureAccess.mayUpload(caller(Roles.TECHNICIAN, "CRYO-COURIER-1"), SHIPMENT)).isFalse();
    }

    @Test
    void logisticsUsersAreNotBoundToSites() {
        assertThat(TemperatureAccess.mayUpload(caller(Roles.LOGISTICS, "FROST-EXPRESS", "SITE-LYON-01"), SHIPMENT))
                .isFalse();
    }

    @Test
    void qaReadsEveryShipmentButUploadsNone() {
        Caller qa = caller(Roles.QA, "VEIN2VEIN-QA");

        assertThat(TemperatureAccess.mayRead(qa, SHIPMENT)).isTrue();
        assertThat(TemperatureAccess.mayUpload(qa, SHIPMENT)).isFalse();
    }

    private static Caller caller(String role, String organisation, String... sites) {
        return new Caller("someone", organisation, Set.of(role), Set.of(sites));
    }
}
