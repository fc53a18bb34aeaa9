package org.vein2vein.shipment.temperature.domain;

/**
 * Why one reading of a request cannot be stored.
 *
 * @param index  the reading's position in the request, from 0
 * @param member {@code at} or {@code celsius}
 * @param rule   what the member must be
 */
public record ReadingViolation(int index, String member, String rule) {
}
