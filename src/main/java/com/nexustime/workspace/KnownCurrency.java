package com.nexustime.workspace;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Currency;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** An ISO 4217 currency code in capitals, such as USD or EUR. */
@Documented
@Constraint(validatedBy = KnownCurrency.Validator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@interface KnownCurrency {

	String message() default "must be a three-letter ISO 4217 currency code such as USD or EUR";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<KnownCurrency, String> {

		@Override
		public boolean isValid(String code, ConstraintValidatorContext context) {
			if (code == null) {
				return true;
			}
			if (!code.matches("[A-Z]{3}")) {
				return false;
			}
			return Currency.getAvailableCurrencies().stream().anyMatch(c -> c.getCurrencyCode().equals(code));
		}
	}
}
