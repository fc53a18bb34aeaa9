package org.vein2vein.product.persistence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.vein2vein.kernel.BatchType;
import org.vein2vein.kernel.Stage;
import org.vein2vein.kernel.StagePlan;
import org.vein2vein.product.domain.DoseRange;
import org.vein2vein.product.domain.Phase;
import org.vein2vein.product.domain.ProductDefinition;
import org.vein2vein.product.domain.ReleaseSpecification;
import org.vein2vein.product.domain.TemperatureClass;
import org.vein2vein.product.domain.TimeWindow;

/**
 * The stored JSON form of a definition's rules, written member by member rather than by a
 * mapper's defaults, so that versions saved long ago and new ones have one form whatever the
 * mapper's settings.
 */
final class DefinitionJson {

    /**
     * Longer than any number PostgreSQL's numeric type, and so jsonb, can hold (131072 digits before
     * the decimal point, 16383 after): a stored definition is never unreadable for a number's length.
     */
    private static final int STORED_NUMBER_MAX_LENGTH = 150_000;

    private final ObjectMapper mapper;
    private final ObjectMapper storedReader;

    DefinitionJson(ObjectMapper mapper) {
        this.mapper = mapper;
        // jsonb writes numbers out in full: 1e1000, accepted before numbers were bounded, reads back as
        // 1001 digits, beyond the request limit of 1000. Such a version, which can never be changed,
        // must stay readable, or the catalogue and every batch of the product would fail for good.
        this.storedReader = mapper.copy();
        storedReader.getFactory().setStreamReadConstraints(mapper.getFactory().streamReadConstraints().rebuild()
                .maxNumberLength(STORED_NUMBER_MAX_LENGTH).build());
    }

    String write(ProductDefinition definition) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode plan = root.putObject("stagePlan");
        ArrayNode transitions = plan.putArray("transitions");
        for (StagePlan.Transition transition : definition.transitions()) {
            ArrayNode to = transitions.addObject().put("from", transition.from().name()).putArray("to");
            transition.to().forEach(stage -> to.add(stage.name()));
        }
        ArrayNode repeatable = plan.putArray("repeatable");
        Set<Stage> inPlanOrder = EnumSet.noneOf(Stage.class);
        inPlanOrder.addAll(definition.repeatable());
        inPlanOrder.forEach(stage -> repeatable.add(stage.name()));
        ObjectNode temperatures = root.putObject("temperatureClasses");
        new EnumMap<>(definition.temperatureClasses()).forEach((phase, temperature) ->
                temperatures.put(phase.name(), temperature.name()));
        ArrayNode windows = root.putArray("timeWindows");
        for (TimeWindow window : definition.timeWindows()) {
            windows.addObject().put("name", window.name()).put("from", window.from().name())
                    .put("to", window.to().name()).put("max", window.max().toString());
        }
        ReleaseSpecification release = definition.release();
        ObjectNode spec = root.putObject("release").put("minViabilityPercent", release.minViabilityPercent());
        spec.putObject("dose").put("min", release.dose().min()).put("max", release.dose().max());
        spec.put("sterilityNegative", release.sterilityNegative())
                .put("mycoplasmaNegative", release.mycoplasmaNegative())
                .put("maxEndotoxinEuPerMl", release.maxEndotoxinEuPerMl())
                .put("maxVectorCopiesPerCell", release.maxVectorCopiesPerCell());
        root.put("twoPersonVerification", definition.twoPersonVerification());
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values is always writable", e);
        }
    }

    ProductDefinition read(String code, String name, BatchType type, String json) {
        JsonNode root;
        try {
            root = storedReader.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("product " + code + ": stored definition is not JSON", e);
        }
        List<StagePlan.Transition> transitions = new ArrayList<>();
        for (JsonNode transition : root.path("stagePlan").path("transitions")) {
            transitions.add(new StagePlan.Transition(Stage.valueOf(transition.path("from").asText()),
                    stages(transition.path("to"))));
        }
        Map<Phase, TemperatureClass> temperatures = new EnumMap<>(Phase.class);
        root.path("temperatureClasses").fields().forEachRemaining(entry ->
                temperatures.put(Phase.valueOf(entry.getKey()), TemperatureClass.valueOf(entry.getValue().asText())));
        List<TimeWindow> windows = new ArrayList<>();
        for (JsonNode window : root.path("timeWindows")) {
            windows.add(new TimeWindow(window.path("name").asText(), Stage.valueOf(window.path("from").asText()),
                    Stage.valueOf(window.path("to").asText()), Duration.parse(window.path("max").asText())));
        }
        JsonNode release = root.path("release");
        ReleaseSpecification spec = new ReleaseSpecification(release.path("minViabilityPercent").decimalValue(),
                new DoseRange(release.path("dose").path("min").asLong(), release.path("dose").path("max").asLong()),
                release.path("sterilityNegative").asBoolean(), release.path("mycoplasmaNegative").asBoolean(),
                release.path("maxEndotoxinEuPerMl").decimalValue(), release.path("maxVectorCopiesPerCell").decimalValue());
        return new ProductDefinition(code, name, type, transitions, stages(root.path("stagePlan").path("repeatable")),
                temperatures, windows, spec, root.path("twoPersonVerification").asBoolean());
    }

    private static Set<Stage> stages(JsonNode names) {
        Set<Stage> stages = EnumSet.noneOf(Stage.class);
        names.forEach(name -> stages.add(Stage.valueOf(name.asText())));
        return stages;
    }
}
