package com.nexustime.workspace;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import com.nexustime.documents.BrandColor;

/**
 * A brand colour that white text can be read on (WCAG AA, 4.5:1): the client's mails and PDFs put white headings
 * and buttons on it. Colours that are not "#rrggbb" are left to the format check.
 */
@Documented
@Constraint(validatedBy = ReadableBrandColor.Validator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@interface ReadableBrandColor {

	String message() default "is too light for white text; pick a darker colour";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<ReadableBrandColor, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null || !value.matches("#[0-9a-fA-F]{6}")) {
				return true;
			}
			BrandColor color = BrandColor.of(value);
			if (color.readableUnderWhiteText()) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(String.format(Locale.ROOT,
					"is too light for white text (contrast %.2f:1, at least %.1f:1 needed); pick a darker colour",
					color.contrastWith(BrandColor.of("#ffffff")), BrandColor.READABLE_CONTRAST))
				.addConstraintViolation();
			return false;
		}
	}
}
