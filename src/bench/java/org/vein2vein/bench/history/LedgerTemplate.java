package org.vein2vein.bench.history;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.vein2vein.bench.simulator.ServiceClient;

/**
 * A real batch's ledger and state, read through the API, that the seed clones: its events (type,
 * stage, actor, site, data as stored), final stage, units (where each is, who holds it) and donations;
 * the sites it was at, and apart from them the shipments it travelled on (a handover between couriers
 * in transit has the shipment's id for its site), which each clone gets fresh ids for.
 *
 * @param treatmentSite an autologous batch's treatment site (where it was received for its patient); null for a lot
 */
record LedgerTemplate(String coi, String type, String subject, String productCode, String stage, List<Event> events,
        List<JsonNode> units, List<String> donationIds, List<String> sites, List<String> shipmentIds,
        String treatmentSite) {

    private static final Pattern SHIPMENT_ID = Pattern.compile("SHP-[0-9A-Z]{12}");

    record Event(String type, String stage, String actorId, String actorRole, String actorOrganisation, String site,
            String payload) {
    }

    static LedgerTemplate read(ServiceClient api, String qaToken, String coi) {
        JsonNode batch = api.get("/api/v1/batches/" + coi, qaToken).body();
        JsonNode history = api.get("/api/v1/batches/" + coi + "/custody?limit=1000", qaToken).body();
        List<Event> events = new ArrayList<>();
        List<String> sites = new ArrayList<>();
        Set<String> shipments = new LinkedHashSet<>();
        String treatmentSite = batch.path("type").asText().equals("AUTOLOGOUS") ? batch.path("collectionSite").asText()
                : null;
        for (JsonNode event : history.path("events")) {
            JsonNode actor = event.path("actor");
            String site = event.path("site").asText();
            Event cloned = new Event(event.path("type").asText(), event.path("stage").asText(),
                    actor.path("id").asText(), actor.path("role").asText(), actor.path("organisation").asText(), site,
                    event.path("data").toString());
            events.add(cloned);
            Matcher shipment = SHIPMENT_ID.matcher(cloned.payload() + " " + site);
            while (shipment.find()) {
                shipments.add(shipment.group());
            }
            if (!SHIPMENT_ID.matcher(site).matches() && !sites.contains(site)) {
                sites.add(site);
            }
            if (treatmentSite != null && cloned.type().equals("STEP_RECORDED")
                    && cloned.stage().equals("RECEIVED_AT_SITE")) {
                treatmentSite = site;
            }
        }
        List<JsonNode> units = new ArrayList<>();
        batch.path("units").forEach(units::add);
        List<String> donations = new ArrayList<>();
        batch.path("donationIds").forEach(din -> donations.add(din.asText()));
        return new LedgerTemplate(coi, batch.path("type").asText(), batch.path("subjectReference").asText(),
                batch.path("productCode").asText(), batch.path("stage").asText(), events, units, donations, sites,
                List.copyOf(shipments), treatmentSite);
    }

    /** Where the batch's state was set: the newest event recorded at its stage. */
    int stateIndex(List<Event> ledger) {
        for (int i = ledger.size() - 1; i >= 0; i--) {
            Event event = ledger.get(i);
            if (event.stage().equals(stage) && !event.type().equals("STEP_REJECTED")) {
                return i;
            }
        }
        return ledger.size() - 1;
    }
}
