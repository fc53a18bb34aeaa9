package org.vein2vein.bench.history;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.vein2vein.kernel.Mod37_2;

/**
 * Makes the rows of a chunk of cloned batches: 20 to 60 events each, at sites drawn from 150
 * hospitals, 30 donor centres and 12 manufacturers, the events of each batch a few hours apart
 * somewhere in the last two years; allogeneic lots share donors, two lots per donor on average.
 */
final class SeedChunkWriter {

    private static final Instant EPOCH = Instant.parse("2024-06-01T00:00:00Z");
    private static final String[] TABLES = { "batch (coi, type, subject_reference, product_code, product_version, "
            + "collection_site, stage, registered_at, updated_at, state_sequence, version, treatment_site)",
            "custody_event (event_id, coi, sequence, type, stage, occurred_at, recorded_at, actor_id, actor_role, "
                    + "actor_organisation, site, payload, previous_hash, hash)",
            "ledger_head (coi, sequence, hash, last_occurred_at)", "batch_site (coi, site)",
            "collection (donation_id, coi, collected_at)",
            "batch_unit (unit_id, coi, kind, stage, recipient_reference, allocated_at, created_at, labelled_cells, "
                    + "location_site, shipment_id, custodian, located_since, ended_by, thawed_at, destination_site)" };
    private static final String SHIPMENT_ID_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private final SplittableRandom random;
    private final List<LedgerTemplate> autologous;
    private final List<LedgerTemplate> allogeneic;
    private final Set<String> cois = new HashSet<>();
    private long donations;
    private long shipments;
    private long lots;

    SeedChunkWriter(SplittableRandom random, List<LedgerTemplate> autologous, List<LedgerTemplate> allogeneic) {
        this.random = random;
        this.autologous = autologous;
        this.allogeneic = allogeneic;
    }

    HistorySeed.Chunk chunk(int batches, long eventsLeft) {
        Map<String, StringBuilder> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            tables.put(table, new StringBuilder(table.startsWith("custody_event") ? 32 << 20 : 1 << 20));
        }
        List<StringBuilder> rows = new ArrayList<>(tables.values());
        long events = 0;
        int made = 0;
        List<String> sampleCois = new ArrayList<>();
        List<String> sampleDonors = new ArrayList<>();
        int lotsMade = 0;
        while (made < batches && events < eventsLeft) {
            boolean lot = random.nextInt(10) < 3;
            LedgerTemplate template = (lot ? allogeneic : autologous).get(random.nextInt((lot ? allogeneic : autologous)
                    .size()));
            String coi = HistorySeed.newCoi(cois);
            String subject = lot ? "DNR-" + donor().toUpperCase() : "PSN-P" + Long.toString(random.nextLong(1L << 40), 36)
                    .toUpperCase() + "-7";
            events += clone(template, coi, subject, (int) Math.min(20 + random.nextInt(41), eventsLeft - events), rows);
            // One batch in 20 and one lot in 5, the first of each always: a small seed still has some to read.
            if (made++ % 20 == 0) {
                sampleCois.add(coi);
            }
            if (lot && lotsMade++ % 5 == 0) {
                sampleDonors.add(subject);
            }
        }
        return new HistorySeed.Chunk(tables, events, made, sampleCois, sampleDonors);
    }

    private String donor() {
        lots++;
        return "D" + Long.toString(random.nextLong(Math.max(1, lots / 2)) + 1, 36) + "X-" + (10 + random.nextInt(89));
    }

    /** Writes the batch's rows; returns its event count. */
    private int clone(LedgerTemplate template, String coi, String subject, int length, List<StringBuilder> rows) {
        Map<String, String> sites = new LinkedHashMap<>();
        for (String site : template.sites()) {
            sites.put(site, site.startsWith("MFG") ? "MFG-M%02d".formatted(random.nextInt(12))
                    : template.type().equals("ALLOGENEIC") && sites.isEmpty() ? "SITE-D%02d".formatted(random.nextInt(30))
                    : "SITE-H%03d".formatted(random.nextInt(150)));
        }
        Map<String, String> replaced = new LinkedHashMap<>(sites);
        replaced.put(template.coi(), coi);
        // Each clone travelled on shipments of its own (the seed writes no shipment rows: the reads need none).
        for (String shipment : template.shipmentIds()) {
            replaced.put(shipment, shipmentId(++shipments));
        }
        List<String> donationIds = new ArrayList<>();
        for (String din : template.donationIds()) {
            String fresh = "Z%011d".formatted(++donations);
            fresh = fresh + Mod37_2.checkCharacter(fresh);
            replaced.put(din, fresh);
            donationIds.add(fresh);
        }
        List<LedgerTemplate.Event> ledger = lengthened(template.events(), length);
        Instant at = EPOCH.plus(random.nextLong(730L * 24 * 60), ChronoUnit.MINUTES);
        String previous = HistorySeed.genesis();
        StringBuilder events = rows.get(1);
        for (int i = 0; i < ledger.size(); i++) {
            LedgerTemplate.Event event = ledger.get(i);
            UUID id = new UUID(random.nextLong(), random.nextLong());
            String site = sites.containsKey(event.site()) ? sites.get(event.site())
                    : replaced.getOrDefault(event.site(), event.site());
            String payload = replaceAll(event.payload(), replaced);
            Instant recorded = at.plusSeconds(3);
            String hash = HistorySeed.hash(id, coi, i + 1, event, at, recorded, site, payload, previous);
            row(events, id, coi, i + 1, event.type(), event.stage(), at, recorded, event.actorId(), event.actorRole(),
                    event.actorOrganisation(), site, payload, previous, hash);
            previous = hash;
            if (i < ledger.size() - 1) {
                at = at.plus(30 + random.nextInt(600), ChronoUnit.MINUTES);
            }
        }
        Instant registered = EPOCH.isBefore(at) ? at : EPOCH;
        String collectionSite = sites.getOrDefault(template.sites().get(0), template.sites().get(0));
        String treatmentSite = template.treatmentSite() == null ? null
                : sites.getOrDefault(template.treatmentSite(), template.treatmentSite());
        row(rows.get(0), coi, template.type(), subject, template.productCode(), 1, collectionSite, template.stage(),
                registered, at, template.stateIndex(ledger) + 1, ledger.size(), treatmentSite);
        row(rows.get(2), coi, ledger.size(), previous, at);
        for (String site : new HashSet<>(sites.values())) {
            row(rows.get(3), coi, site);
        }
        for (String din : donationIds) {
            row(rows.get(4), din, coi, registered);
        }
        for (JsonNode unit : template.units()) {
            boolean dose = unit.path("kind").asText().equals("DOSE");
            String recipient = unit.path("recipientReference").isTextual() ? "RCP-R" + Long.toString(random.nextLong(
                    1L << 40), 36) + "-4" : null;
            // Where the unit is and who holds it, as the template's unit; an organisation named after its site.
            String location = mapped(unit.path("site"), sites);
            String shipment = mapped(unit.path("shipmentId"), replaced);
            String custodian = unit.path("custodian").isTextual() ? "ORG-" + (location != null ? location
                    : unit.path("custodian").asText()) : null;
            row(rows.get(5), replaceAll(unit.path("unitId").asText(), replaced), coi, unit.path("kind").asText(),
                    dose ? unit.path("stage").asText() : null, recipient, recipient == null ? null : at, registered,
                    unit.path("kind").asText().equals("MATERIAL") ? null : 300_000_000L, location, shipment,
                    custodian, at, unit.path("endedBy").isTextual() ? unit.path("endedBy").asText() : null,
                    unit.path("thawedAt").isTextual() ? at : null, mapped(unit.path("destinationSite"), sites));
        }
        return ledger.size();
    }

    private static String mapped(JsonNode value, Map<String, String> replacements) {
        return value.isTextual() ? replacements.getOrDefault(value.asText(), value.asText()) : null;
    }

    /** A shipment id as the service makes them, SHP- and 12 characters, from a number. */
    private static String shipmentId(long number) {
        StringBuilder id = new StringBuilder();
        long left = number;
        for (int i = 0; i < 12; i++) {
            id.append(SHIPMENT_ID_ALPHABET.charAt((int) (left % SHIPMENT_ID_ALPHABET.length())));
            left /= SHIPMENT_ID_ALPHABET.length();
        }
        return "SHP-Z" + id.reverse().substring(1);
    }

    /** The template's events with more expansions to make {@code length}; a longer template is kept whole. */
    private static List<LedgerTemplate.Event> lengthened(List<LedgerTemplate.Event> events, int length) {
        if (events.size() >= length) {
            return events;
        }
        int lastExpansion = 0;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).stage().equals("EXPANDED")) {
                lastExpansion = i;
            }
        }
        List<LedgerTemplate.Event> longer = new ArrayList<>(events.subList(0, lastExpansion + 1));
        while (longer.size() + events.size() - lastExpansion - 1 < length) {
            longer.add(events.get(lastExpansion));
        }
        longer.addAll(events.subList(lastExpansion + 1, events.size()));
        return longer;
    }

    private static String replaceAll(String text, Map<String, String> replacements) {
        String result = text;
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            if (result.contains(replacement.getKey())) {
                result = result.replace(replacement.getKey(), replacement.getValue());
            }
        }
        return result;
    }

    /** A row in COPY text format: tab-separated, \N for null, backslashes and control characters escaped. */
    private static void row(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            Object value = values[i];
            if (value == null) {
                out.append("\\N");
                continue;
            }
            String text = value.toString();
            for (int c = 0; c < text.length(); c++) {
                char ch = text.charAt(c);
                switch (ch) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(ch);
                }
            }
        }
        out.append('\n');
    }
}
