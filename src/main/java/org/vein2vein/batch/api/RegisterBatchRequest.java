package org.vein2vein.batch.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.kernel.BatchType;

/** What a site sends to register a batch; the service assigns the COI and takes the actor from the token. */
@Schema(name = "RegisterBatchRequest")
public record RegisterBatchRequest(
        @NotNull @Schema(required = true) BatchType type,
        @NotNull @Pattern(regexp = Patterns.PSEUDONYM, message = Patterns.PSEUDONYM_MESSAGE)
        @Schema(required = true, description = "Pseudonymous id of the patient (autologous) or donor (allogeneic), "
                + "issued by their site. Never a name, birth date or record number.", example = "PSN-7F3K-22")
        String subjectReference,
        @NotNull @Pattern(regexp = Patterns.PRODUCT_CODE, message = Patterns.PRODUCT_CODE_MESSAGE)
        @Schema(required = true, example = "CART-GD2-AUTO") String productCode,
        @NotNull @Pattern(regexp = Patterns.REFERENCE, message = Patterns.REFERENCE_MESSAGE)
        @Schema(required = true, description = "Site where the cells are collected", example = "SITE-LYON-01")
        String collectionSite,
        @Pattern(regexp = Patterns.REFERENCE, message = Patterns.REFERENCE_MESSAGE)
        @Schema(description = "Autologous only: the patient's treatment site (a TREATMENT site of the registry), "
                + "where the batch's bags are shipped; the collection site when absent", example = "SITE-LYON-01")
        String treatmentSite) {
}
