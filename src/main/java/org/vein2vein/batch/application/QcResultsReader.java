package org.vein2vein.batch.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import org.vein2vein.product.domain.QcResult;
import org.vein2vein.product.domain.QcTest;
import org.vein2vein.product.domain.QualitativeOutcome;

/** Reads the QC results of a recorded QC_TESTED step back from its ledger data. */
@ApplicationScoped
public class QcResultsReader {

    /** The results as recorded; the data was validated when the step was accepted. */
    public List<QcResult> read(JsonNode qcData) {
        List<QcResult> results = new ArrayList<>();
        for (JsonNode result : qcData.path("results")) {
            results.add(new QcResult(QcTest.valueOf(result.path("test").asText()),
                    present(result, "value").map(JsonNode::decimalValue),
                    present(result, "outcome").map(JsonNode::asText).map(QualitativeOutcome::valueOf),
                    present(result, "unit").map(JsonNode::asText),
                    result.path("method").asText()));
        }
        return results;
    }

    private static Optional<JsonNode> present(JsonNode result, String field) {
        return Optional.ofNullable(result.get(field)).filter(value -> !value.isNull());
    }
}
