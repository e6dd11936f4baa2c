package com.nexustime.rates;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A rate names exactly the targets its scope needs: a user for USER, a project for PROJECT, nothing for
 * WORKSPACE. Each mistake is reported on the field that carries it.
 */
@Documented
@Constraint(validatedBy = ScopeTargets.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface ScopeTargets {

	String message() default "does not fit the scope";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<ScopeTargets, NewRate> {

		@Override
		public boolean isValid(NewRate rate, ConstraintValidatorContext context) {
			if (rate == null || rate.getScope() == null) {
				return true; // @NotNull on scope reports that
			}
			context.disableDefaultConstraintViolation();
			boolean valid = true;
			switch (rate.getScope()) {
				case WORKSPACE -> {
					valid &= absent(rate.getUserId(), "userId", "must be empty for a WORKSPACE rate", context);
					valid &= absent(rate.getProjectId(), "projectId", "must be empty for a WORKSPACE rate", context);
					valid &= absent(rate.getActivityId(), "activityId",
							"must be empty for a WORKSPACE rate (set per-activity rates on a user or project)", context);
				}
				case USER -> {
					valid &= present(rate.getUserId(), "userId", "is required for a USER rate", context);
					valid &= absent(rate.getProjectId(), "projectId", "must be empty for a USER rate", context);
				}
				case PROJECT -> {
					valid &= present(rate.getProjectId(), "projectId", "is required for a PROJECT rate", context);
					valid &= absent(rate.getUserId(), "userId", "must be empty for a PROJECT rate", context);
				}
			}
			return valid;
		}

		private static boolean present(Long id, String field, String message, ConstraintValidatorContext context) {
			return id != null || refuse(field, message, context);
		}

		private static boolean absent(Long id, String field, String message, ConstraintValidatorContext context) {
			return id == null || refuse(field, message, context);
		}

		private static boolean refuse(String field, String message, ConstraintValidatorContext context) {
			context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
			return false;
		}
	}
}
