package org.rapport.shared;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An amount of money as people enter it: not negative and below {@link Money#LIMIT}, which every total, column
 * and card of Rapport can show; forms and the API check it alike.
 */
@Documented
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@DecimalMin("0")
@DecimalMax(value = Money.LIMIT_TEXT, inclusive = false)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Amount {

	String message() default "{validation.amount}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};
}
