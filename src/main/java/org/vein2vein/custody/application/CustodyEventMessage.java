package org.vein2vein.custody.application;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.vein2vein.kernel.Actor;

/**
 * The data of a custody event as published on Kafka (topic {@code vein2vein.custody.v1}): the
 * ledger entry itself, hashes included, so that a consumer can verify the chain on its own.
 * Identifiers are pseudonymous; no field carries personal health information.
 */
public record CustodyEventMessage(UUID eventId, String coi, long sequence, String type, String stage,
        Instant occurredAt, Instant recordedAt, Actor actor, String site, JsonNode data, String previousHash,
        String hash) {
}
