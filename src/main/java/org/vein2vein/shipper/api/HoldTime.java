package org.vein2vein.shipper.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.time.format.DateTimeParseException;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.vein2vein.shipper.domain.Shipper;

/**
 * A validated hold time as text: ISO-8601 days, hours and minutes ({@link ShipperFields#HOLD_TIME}),
 * within the range a shipper's hold time may have. Checked with the other fields, so that one answer
 * lists every fault; null is left to {@code @NotNull}.
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = HoldTime.Validator.class)
public @interface HoldTime {

    String message() default ShipperFields.HOLD_TIME_MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<HoldTime, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (!value.matches(ShipperFields.HOLD_TIME)) {
                return false;
            }
            try {
                return Shipper.holdTimeInRange(Duration.parse(value));
            } catch (DateTimeParseException e) {
                // "P" and "PT" have the shape but no figure.
                return false;
            }
        }
    }
}
