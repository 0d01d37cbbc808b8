package org.rapport.support.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A case body names an account or a lead, exactly one: neither is an error of {@code accountId} (required unless a
 * lead is given), both an error of {@code leadId}. The case itself keeps the same rule; this only lets a body's
 * other field errors and this one answer together.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AccountOrLead.Check.class)
@interface AccountOrLead {

	String message() default "{jakarta.validation.constraints.NotNull.message}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks a case body. */
	class Check implements ConstraintValidator<AccountOrLead, CaseInput> {

		@Override
		public boolean isValid(CaseInput input, ConstraintValidatorContext context) {
			if (input == null || (input.accountId() == null) != (input.leadId() == null)) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			if (input.accountId() == null) {
				context.buildConstraintViolationWithTemplate("{jakarta.validation.constraints.NotNull.message}")
					.addPropertyNode("accountId")
					.addConstraintViolation();
			}
			else {
				context.buildConstraintViolationWithTemplate("{support.case.accountOrLead}")
					.addPropertyNode("leadId")
					.addConstraintViolation();
			}
			return false;
		}
	}
}
