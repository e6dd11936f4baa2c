package com.nexustime.system.web;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Function;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Every decimal, whole number and day bound from a path, a query parameter or a form field is read by
 * {@link Inputs#decimal}, {@link Inputs#wholeNumber} and {@link DateBounds#parse}. They are registered as each
 * binder's own editors: a converter alone is not enough, because when a converter refuses a value Spring
 * retries it with its default editor, which reads {@code 1e100000}, {@code 0x1} and {@code #1} happily. A
 * refusal becomes the field's error on a form, or a 400 naming the parameter (404 for an id in the path).
 */
@ControllerAdvice
class InputBounds {

	@InitBinder
	void boundedReaders(WebDataBinder binder) {
		binder.registerCustomEditor(BigDecimal.class, new Reader<>(Inputs::decimal, BigDecimal::toPlainString, true));
		binder.registerCustomEditor(LocalDate.class, new Reader<>(DateBounds::parse, LocalDate::toString, true));
		binder.registerCustomEditor(Long.class, new Reader<>(Inputs::wholeNumber, String::valueOf, true));
		binder.registerCustomEditor(long.class, new Reader<>(Inputs::wholeNumber, String::valueOf, false));
		binder.registerCustomEditor(Integer.class, new Reader<>(InputBounds::integer, String::valueOf, true));
		binder.registerCustomEditor(int.class, new Reader<>(InputBounds::integer, String::valueOf, false));
	}

	private static Integer integer(String text) {
		Long number = Inputs.wholeNumber(text);
		if (number != null && (number > Integer.MAX_VALUE || number < Integer.MIN_VALUE)) {
			throw new NumberFormatException("must be a whole number below " + Integer.MAX_VALUE);
		}
		return number == null ? null : number.intValue();
	}

	/** Reads with {@code read} (blank is no value where {@code blankIsNull}), shows with {@code show}. */
	private static final class Reader<T> extends PropertyEditorSupport {

		private final Function<String, T> read;

		private final Function<T, String> show;

		private final boolean blankIsNull;

		Reader(Function<String, T> read, Function<T, String> show, boolean blankIsNull) {
			this.read = read;
			this.show = show;
			this.blankIsNull = blankIsNull;
		}

		@Override
		public void setAsText(String text) {
			if (text == null || text.isBlank()) {
				if (!blankIsNull) {
					throw new IllegalArgumentException("is required");
				}
				setValue(null);
				return;
			}
			setValue(read.apply(text));
		}

		@Override
		@SuppressWarnings("unchecked")
		public String getAsText() {
			Object value = getValue();
			return value == null ? "" : show.apply((T) value);
		}
	}
}
