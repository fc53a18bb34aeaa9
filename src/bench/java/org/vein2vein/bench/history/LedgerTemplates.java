package org.vein2vein.bench.history;

import java.util.ArrayList;
import java.util.List;

import org.vein2vein.bench.infra.Postgres15;
import org.vein2vein.bench.simulator.Journey;
import org.vein2vein.bench.simulator.Scenario;
import org.vein2vein.bench.simulator.ServiceClient;
import org.vein2vein.kernel.BatchType;

/** The ledgers the seed clones: those of the simulator's journeys that went as planned. */
public final class LedgerTemplates {

    private LedgerTemplates() {
    }

    public static HistorySeed from(ServiceClient api, String qaToken, List<Journey.Outcome> journeys,
            Postgres15 postgres) {
        List<LedgerTemplate> autologous = new ArrayList<>();
        List<LedgerTemplate> allogeneic = new ArrayList<>();
        for (Journey.Outcome journey : journeys) {
            if (journey.conformant() && journey.scenario().failure() == Scenario.Failure.NONE) {
                LedgerTemplate template = LedgerTemplate.read(api, qaToken, journey.coi());
                (journey.scenario().type() == BatchType.AUTOLOGOUS ? autologous : allogeneic).add(template);
            }
        }
        if (autologous.isEmpty() || allogeneic.isEmpty()) {
            throw new IllegalStateException("the simulator made no complete autologous and allogeneic journey to clone");
        }
        return new HistorySeed(postgres, autologous, allogeneic);
    }
}
