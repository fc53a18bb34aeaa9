package org.vein2vein.bench.history;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.vein2vein.bench.simulator.ServiceClient;

/**
 * A real batch's ledger and state, read through the API, that the seed clones: its events (type,
 * stage, actor, site, data as stored), final stage, units and donations.
 */
record LedgerTemplate(String coi, String type, String subject, String productCode, String stage, List<Event> events,
        List<JsonNode> units, List<String> donationIds, List<String> sites) {

    record Event(String type, String stage, String actorId, String actorRole, String actorOrganisation, String site,
            String payload) {
    }

    static LedgerTemplate read(ServiceClient api, String qaToken, String coi) {
        JsonNode batch = api.get("/api/v1/batches/" + coi, qaToken).body();
        JsonNode history = api.get("/api/v1/batches/" + coi + "/custody?limit=1000", qaToken).body();
        List<Event> events = new ArrayList<>();
        List<String> sites = new ArrayList<>();
        for (JsonNode event : history.path("events")) {
            JsonNode actor = event.path("actor");
            events.add(new Event(event.path("type").asText(), event.path("stage").asText(), actor.path("id").asText(),
                    actor.path("role").asText(), actor.path("organisation").asText(), event.path("site").asText(),
                    event.path("data").toString()));
            if (!sites.contains(event.path("site").asText())) {
                sites.add(event.path("site").asText());
            }
        }
        List<JsonNode> units = new ArrayList<>();
        batch.path("units").forEach(units::add);
        List<String> donations = new ArrayList<>();
        batch.path("donationIds").forEach(din -> donations.add(din.asText()));
        return new LedgerTemplate(coi, batch.path("type").asText(), batch.path("subjectReference").asText(),
                batch.path("productCode").asText(), batch.path("stage").asText(), events, units, donations, sites);
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
