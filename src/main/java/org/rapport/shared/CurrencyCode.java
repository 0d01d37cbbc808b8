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

/**
 * A code that names an ISO 4217 currency, as {@link Money} takes it: {@code QQQ} has three letters but is none.
 * An empty code is left to {@code @NotBlank}, one of another form to the field's pattern.
 */
@Documented
@Constraint(validatedBy = CurrencyCode.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface CurrencyCode {

	String message() default "{validation.currency.iso}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Whether the code names a currency. */
	final class Check implements ConstraintValidator<CurrencyCode, String> {

		@Override
		public boolean isValid(String code, ConstraintValidatorContext context) {
			// a code of another form is left to the field's pattern, so that it gets one message
			return code == null || !code.strip().matches("[A-Za-z]{3}") || Money.isCurrency(code);
		}
	}
}
