package org.vein2vein.batch.application;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.vein2vein.batch.domain.IdentityScan;
import org.vein2vein.product.domain.QcResult;
import org.vein2vein.product.domain.TemperatureClass;

/**
 * What the service's rules need to know of a step's typed data; everything else in the data is
 * recorded as sent.
 *
 * @param destinationSite    where a shipment goes
 * @param identityScan       what was scanned at an identity checkpoint
 * @param unitId             the unit (bag or dose) the step handles
 * @param newUnits           units that come into being with this step (formulated bags, split doses)
 * @param unitIds            units a shipment, receipt or freezing handles together
 * @param outOfStorageSince  when the product left controlled storage to be packed
 * @param qcResults          QC results against the release specification
 * @param recipientReference the recipient a dose is allocated to
 * @param donationId         the donation identification number of a collection
 * @param temperatureClass   the temperature class a shipment travels in
 */
public record StepFacts(Optional<String> destinationSite, Optional<IdentityScan> identityScan,
        Optional<String> unitId, List<String> newUnits, List<String> unitIds, Optional<Instant> outOfStorageSince,
        List<QcResult> qcResults, Optional<String> recipientReference, Optional<String> donationId,
        Optional<TemperatureClass> temperatureClass) {

    public static final StepFacts NONE = new StepFacts(Optional.empty(), Optional.empty(), Optional.empty(),
            List.of(), List.of(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty());

    public StepFacts {
        Objects.requireNonNull(destinationSite, "destinationSite");
        Objects.requireNonNull(identityScan, "identityScan");
        Objects.requireNonNull(unitId, "unitId");
        newUnits = List.copyOf(newUnits);
        unitIds = List.copyOf(unitIds);
        Objects.requireNonNull(outOfStorageSince, "outOfStorageSince");
        qcResults = List.copyOf(qcResults);
        Objects.requireNonNull(recipientReference, "recipientReference");
        Objects.requireNonNull(donationId, "donationId");
        Objects.requireNonNull(temperatureClass, "temperatureClass");
    }

    public StepFacts withDestinationSite(String site) {
        return new StepFacts(Optional.of(site), identityScan, unitId, newUnits, unitIds, outOfStorageSince,
                qcResults, recipientReference, donationId, temperatureClass);
    }

    public StepFacts withIdentityScan(IdentityScan scan) {
        return new StepFacts(destinationSite, Optional.of(scan), unitId, newUnits, unitIds, outOfStorageSince,
                qcResults, recipientReference, donationId, temperatureClass);
    }

    public StepFacts withUnitId(String unit) {
        return new StepFacts(destinationSite, identityScan, Optional.ofNullable(unit), newUnits, unitIds,
                outOfStorageSince, qcResults, recipientReference, donationId, temperatureClass);
    }

    public StepFacts withNewUnits(List<String> units) {
        return new StepFacts(destinationSite, identityScan, unitId, units, unitIds, outOfStorageSince, qcResults,
                recipientReference, donationId, temperatureClass);
    }

    public StepFacts withUnitIds(List<String> units) {
        return new StepFacts(destinationSite, identityScan, unitId, newUnits, units == null ? List.of() : units,
                outOfStorageSince, qcResults, recipientReference, donationId, temperatureClass);
    }

    public StepFacts withOutOfStorageSince(Instant since) {
        return new StepFacts(destinationSite, identityScan, unitId, newUnits, unitIds, Optional.ofNullable(since),
                qcResults, recipientReference, donationId, temperatureClass);
    }

    public StepFacts withQcResults(List<QcResult> results) {
        return new StepFacts(destinationSite, identityScan, unitId, newUnits, unitIds, outOfStorageSince, results,
                recipientReference, donationId, temperatureClass);
    }

    public StepFacts withRecipientReference(String recipient) {
        return new StepFacts(destinationSite, identityScan, unitId, newUnits, unitIds, outOfStorageSince, qcResults,
                Optional.of(recipient), donationId, temperatureClass);
    }

    public StepFacts withDonationId(String din) {
        return new StepFacts(destinationSite, identityScan, unitId, newUnits, unitIds, outOfStorageSince, qcResults,
                recipientReference, Optional.of(din), temperatureClass);
    }

    public StepFacts withTemperatureClass(TemperatureClass declared) {
        return new StepFacts(destinationSite, identityScan, unitId, newUnits, unitIds, outOfStorageSince, qcResults,
                recipientReference, donationId, Optional.of(declared));
    }
}
