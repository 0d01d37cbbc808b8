package org.rapport.shared;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * A business date that someone meant: after 1900 and before 2200. A close date of 1900-01-01 or an order dated in
 * the year 20260 is a typing slip, not a plan.
 */
@Documented
@Constraint(validatedBy = PlausibleDate.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleDate {

	LocalDate EARLIEST = LocalDate.of(1900, 1, 2);

	LocalDate LATEST = LocalDate.of(2199, 12, 31);

	String message() default "{validation.date}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Whether the date lies in the plausible range; an absent date is left to {@code @NotNull}. */
	final class Check implements ConstraintValidator<PlausibleDate, LocalDate> {

		@Override
		public boolean isValid(LocalDate date, ConstraintValidatorContext context) {
			return date == null || holds(date);
		}

		/** Whether the date lies in the plausible range, for paths without bean validation such as imports. */
		public static boolean holds(LocalDate date) {
			return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
		}

		/** Whether the instant falls on a plausible date in UTC; an absent one holds. */
		public static boolean holds(java.time.Instant instant) {
			return instant == null || (!instant.isBefore(EARLIEST.atStartOfDay(java.time.ZoneOffset.UTC).toInstant())
					&& instant.isBefore(LATEST.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
		}
	}
}
