package com.nexustime.workspace;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.ZoneId;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A time-zone id such as Europe/Berlin or UTC. */
@Documented
@Constraint(validatedBy = KnownTimeZone.Validator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@interface KnownTimeZone {

	String message() default "must be a time-zone id such as Europe/Berlin or UTC";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<KnownTimeZone, String> {

		@Override
		public boolean isValid(String zone, ConstraintValidatorContext context) {
			return zone == null || ZoneId.getAvailableZoneIds().contains(zone) || "UTC".equals(zone);
		}
	}
}
