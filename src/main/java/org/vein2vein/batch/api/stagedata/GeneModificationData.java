package org.vein2vein.batch.api.stagedata;

import java.util.Optional;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.batch.domain.StageData;
import org.vein2vein.platform.problem.Problem;

/**
 * How the cells were modified: a CAR transduced with a viral vector, genes knocked out by
 * editing, or both (allogeneic products typically are transduced and TRAC/B2M-edited).
 */
@Schema(name = "GeneModificationData", description = "GENE_MODIFIED: transduction and/or gene editing")
public record GeneModificationData(
        @NotNull @Pattern(regexp = Fields.CODE, message = Fields.CODE_MESSAGE)
        @Schema(required = true, description = "The CAR construct", example = "GD2-CD28z-v3") String construct,
        @Valid @Schema(description = "Viral transduction, if any") Transduction transduction,
        @Valid @Schema(description = "Gene editing, if any") Editing editing) implements StageDataBody {



    @Schema(name = "Transduction")
    public record Transduction(
            @NotNull @Schema(required = true) StageData.TransductionMethod method,
            @NotNull @Pattern(regexp = Fields.CODE, message = Fields.CODE_MESSAGE)
            @Schema(required = true, description = "Vector lot", example = "LV-GD2-24-007") String vectorLot) {

        StageData.Transduction toDomain() {
            return new StageData.Transduction(method, vectorLot);
        }
    }

    @Schema(name = "Editing")
    public record Editing(
            @NotNull @Schema(required = true) StageData.EditingMethod method,
            @NotNull @Pattern(regexp = Fields.CODE, message = Fields.CODE_MESSAGE)
            @Schema(required = true, description = "Guide RNA or TALEN mRNA lot", example = "GRNA-TRAC-B2M-25-002")
            String reagentLot,
            @NotNull @Size(min = 1, max = 10, message = "must name 1 to 10 targets")
            @Schema(required = true, description = "Genes knocked out", example = "[\"TRAC\", \"B2M\"]")
            List<@NotNull @Pattern(regexp = "[A-Z][A-Z0-9]{1,15}", message = "must be a gene symbol such as TRAC")
                    String> targets) {

        StageData.Editing toDomain() {
            return new StageData.Editing(method, reagentLot, targets);
        }
    }

    @Override
    public StageData toDomain() {
        return new StageData.GeneModification(construct, Optional.ofNullable(transduction).map(Transduction::toDomain),
                Optional.ofNullable(editing).map(Editing::toDomain));
    }

    @Override
    public List<Problem.Violation> crossFieldViolations() {
        List<Problem.Violation> violations = new ArrayList<>();
        if (transduction == null && editing == null) {
            violations.add(new Problem.Violation("transduction", "a modification is a transduction, an editing, or both"));
        }
        if (editing != null && editing.targets() != null
                && editing.targets().stream().distinct().count() < editing.targets().size()) {
            violations.add(new Problem.Violation("editing.targets", "must not repeat a target"));
        }
        return violations;
    }
}
