package org.vein2vein.shipment.temperature.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.kernel.Identifiers;

/** One logger's readings, as its gateway or the person who downloaded it sends them. */
@Schema(name = "UploadTemperatureReadingsRequest")
public record UploadReadingsRequest(
        @NotNull @Pattern(regexp = Identifiers.REFERENCE, message = LOGGER_ID_MESSAGE)
        @Schema(required = true, description = "The data logger's id, as printed on it", example = "LOG-7731-A")
        String loggerId,
        @NotNull
        @Schema(required = true, type = SchemaType.ARRAY, implementation = SentReading.class, minItems = 1,
                maxItems = SentReadings.MOST, description = "1 to 10,000 readings, each later than the one before. "
                        + "Send them compactly: the body limit is 512 KB.")
        SentReadings readings) {

    static final String LOGGER_ID_MESSAGE = "must be a logger id: 3 to 64 letters, digits, '.', '_', ':' or '-'";
}
