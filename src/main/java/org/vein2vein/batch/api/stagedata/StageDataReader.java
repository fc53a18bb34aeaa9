package org.vein2vein.batch.api.stagedata;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.vein2vein.batch.domain.StageData;
import org.vein2vein.kernel.Stage;
import org.vein2vein.platform.problem.Problem;

/**
 * Reads a step's {@code data} as the request record of its stage, validates it whole, and answers the
 * domain's typed record of it.
 */
@ApplicationScoped
public class StageDataReader {

    private static final Map<Stage, Class<? extends StageDataBody>> TYPES = new EnumMap<>(Stage.class);

    static {
        TYPES.put(Stage.COLLECTED, CollectionData.class);
        TYPES.put(Stage.CRYOPRESERVED_AT_COLLECTION, CollectionCryopreservationData.class);
        TYPES.put(Stage.SHIPPED_TO_MANUFACTURING, ShipmentData.class);
        TYPES.put(Stage.RECEIVED_AT_MANUFACTURING, ReceiptData.class);
        TYPES.put(Stage.ACCEPTED, AcceptanceData.class);
        TYPES.put(Stage.REJECTED, ReasonData.class);
        TYPES.put(Stage.GENE_MODIFIED, GeneModificationData.class);
        TYPES.put(Stage.EXPANDED, ExpansionData.class);
        TYPES.put(Stage.FORMULATED, FormulationData.class);
        TYPES.put(Stage.SPLIT, SplitData.class);
        TYPES.put(Stage.CRYOPRESERVED, CryopreservationData.class);
        TYPES.put(Stage.QC_TESTED, QcData.class);
        TYPES.put(Stage.RELEASED, NoData.class);
        TYPES.put(Stage.OUT_OF_SPEC, NoData.class);
        TYPES.put(Stage.MANUFACTURING_FAILED, ReasonData.class);
        TYPES.put(Stage.STORED, StorageData.class);
        TYPES.put(Stage.ALLOCATED, AllocationData.class);
        TYPES.put(Stage.SHIPPED_TO_SITE, ShipmentData.class);
        TYPES.put(Stage.RECEIVED_AT_SITE, ReceiptData.class);
        TYPES.put(Stage.THAWED, ThawData.class);
        TYPES.put(Stage.INFUSED, InfusionData.class);
        TYPES.put(Stage.QUARANTINED, ReasonData.class);
        TYPES.put(Stage.DESTROYED, ReasonData.class);
        TYPES.put(Stage.CANCELLED, ReasonData.class);
    }

    private final ObjectMapper mapper;
    private final Validator validator;

    public StageDataReader(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /** The type of data each stage takes; ORDERED, which only starts a batch, takes none. */
    public static Optional<Class<? extends StageDataBody>> typeOf(Stage stage) {
        return Optional.ofNullable(TYPES.get(stage));
    }

    /**
     * The data of a step at {@code stage}.
     *
     * @throws JsonMappingException when the data has unknown fields or values of the wrong type, with
     *         the path from the request's {@code data}
     * @throws InvalidStageDataException listing every invalid field
     */
    public StageData read(Stage stage, ObjectNode data) throws JsonMappingException {
        Class<? extends StageDataBody> type = typeOf(stage).orElseThrow(() -> new InvalidStageDataException(List.of(
                new Problem.Violation("stage", stage + " starts a batch and is never logged as a step"))));
        StageDataBody typed;
        try {
            typed = mapper.readerFor(type).readValue(data);
        } catch (JsonMappingException e) {
            e.prependPath(data, "data");
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree is always readable", e);
        }
        List<Problem.Violation> violations = new ArrayList<>();
        for (ConstraintViolation<StageDataBody> violation : validator.validate(typed)) {
            violations.add(new Problem.Violation("data." + path(violation.getPropertyPath()), violation.getMessage()));
        }
        if (violations.isEmpty()) {
            typed.crossFieldViolations().forEach(violation -> violations.add(
                    new Problem.Violation("data." + violation.field(), violation.message())));
        }
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(Problem.Violation::field));
            throw new InvalidStageDataException(violations);
        }
        return typed.toDomain();
    }

    /**
     * 'units[0].unitId', and 'unitIds[2]' for an element of a list of values: the validator puts a
     * list index on the node inside the list.
     */
    private static String path(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
        }
        return field.toString();
    }

}
