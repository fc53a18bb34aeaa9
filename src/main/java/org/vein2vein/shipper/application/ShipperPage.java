package org.vein2vein.shipper.application;

import java.util.List;
import java.util.Optional;

/** Part of the registry in id order, and the id the next part starts at when more follow. */
public record ShipperPage(List<ShipperState> shippers, Optional<String> nextFromId) {
}
