package com.nexustime.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks submitted values against a form's own rules and types them for the process, the way Camunda's form viewer
 * would: a hidden (conditional) or disabled component is neither validated nor submitted; a read-only one keeps
 * its default value whatever was posted. Values reach the process as: number → Long when whole, else Double
 * (a String when the form says {@code serializeToString}); checkbox → Boolean; checklist and taglist → a list of
 * option values; radio and select → the option value; datetime → its ISO-8601 text (date {@code 2026-12-07},
 * time {@code 14:30}, date and time {@code 2026-12-07T14:30}, no zone); text fields → the text, null when blank.
 */
public final class FormValidation {

	/** The longest text one field accepts, whatever the form says; checked before any pattern runs. */
	public static final int MAX_TEXT_LENGTH = 10_000;

	/** The most values one checklist or taglist accepts. */
	public static final int MAX_LIST_SIZE = 200;

	private static final Pattern NUMBER = Pattern.compile("[+-]?\\d{1,18}(\\.\\d{1,18})?");

	private static final Pattern EMAIL = Pattern.compile("^[^\\s@]{1,64}@[^\\s@]+\\.[^\\s@]+$");

	private static final Pattern PHONE = Pattern.compile("^(\\+|00)[1-9][0-9 ()./-]{6,20}$");

	/** One refused field: its key and a message that names it as the form does. */
	public record FieldError(String field, String message) {
	}

	/** The typed variables to complete with, or the errors that refuse them. */
	public record Outcome(Map<String, Object> variables, List<FieldError> errors) {

		public boolean valid() {
			return errors.isEmpty();
		}
	}

	private FormValidation() {
	}

	/** Validates {@code submitted} (form posts or JSON) against {@code form}; {@code today} bounds past dates. */
	public static Outcome check(FormSchema form, Map<String, ?> submitted, LocalDate today) {
		Map<FormField, Object> typed = new IdentityHashMap<>();
		Map<FormField, String> errors = new IdentityHashMap<>();
		Map<String, Object> values = new LinkedHashMap<>();
		for (FormField field : form.fields()) {
			if (!field.input() || field.disabled()) {
				continue;
			}
			Object raw = field.readonly() ? defaultOf(field) : submitted.get(field.key());
			try {
				Object value = convert(field, raw);
				typed.put(field, value);
				values.put(field.key(), value);
			}
			catch (Refused refused) {
				errors.put(field, refused.getMessage());
			}
		}
		Set<FormField> hidden = hidden(form, values);
		Map<String, Object> variables = new LinkedHashMap<>();
		List<FieldError> found = new ArrayList<>();
		for (FormField field : form.fields()) {
			if (!field.input() || field.disabled() || hidden.contains(field)) {
				continue;
			}
			String error = errors.containsKey(field) ? errors.get(field) : violation(field, typed.get(field), today);
			if (error != null) {
				found.add(new FieldError(field.key(), error));
			}
			else {
				variables.put(field.key(), forProcess(field, typed.get(field)));
			}
		}
		return new Outcome(variables, found);
	}

	/** The components hidden by their condition at these typed values; a hidden group hides what it holds. */
	public static Set<FormField> hidden(FormSchema form, Map<String, ?> values) {
		Set<FormField> hidden = Collections.newSetFromMap(new IdentityHashMap<>());
		collectHidden(form.components(), values, false, hidden);
		return hidden;
	}

	private static void collectHidden(List<FormField> fields, Map<String, ?> values, boolean parentHidden,
			Set<FormField> hidden) {
		for (FormField field : fields) {
			boolean hide = parentHidden || (field.hide() != null && field.hide().holds(values));
			if (hide) {
				hidden.add(field);
			}
			collectHidden(field.components(), values, hide, hidden);
		}
	}

	/** The typed values of what was posted, ignoring what cannot be read: for deciding what a page shows. */
	static Map<String, Object> lenient(FormSchema form, Map<String, ?> submitted) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (FormField field : form.fields()) {
			if (field.input()) {
				try {
					values.put(field.key(), convert(field, field.readonly() ? defaultOf(field) : submitted.get(field.key())));
				}
				catch (Refused ignored) {
					values.put(field.key(), null);
				}
			}
		}
		return values;
	}

	/** The form's default value of a component, as a submitted value would arrive. */
	static Object defaultOf(FormField field) {
		JsonNode value = field.defaultValue();
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isArray()) {
			List<String> list = new ArrayList<>();
			value.forEach(v -> list.add(v.asText()));
			return list;
		}
		return value.isBoolean() ? value.booleanValue() : value.asText();
	}

	private static final class Refused extends Exception {

		Refused(String message) {
			super(message, null, false, false);
		}
	}

	static Object convert(FormField field, Object raw) throws Refused {
		String name = field.name();
		if (field.multiple()) {
			return list(field, raw);
		}
		if (raw instanceof List<?> list) {
			raw = list.isEmpty() ? null : list.get(list.size() - 1);
		}
		if (raw instanceof Map<?, ?> || raw instanceof Collection<?>) {
			throw new Refused(name + " must be a single value.");
		}
		if (raw instanceof String text && text.length() > MAX_TEXT_LENGTH) {
			throw new Refused(name + " must be at most " + MAX_TEXT_LENGTH + " characters.");
		}
		switch (field.type()) {
			case "checkbox":
				return bool(name, raw);
			case "number":
				return number(name, raw);
			case "datetime":
				return dateTime(field, raw);
			default:
				if (raw == null || raw.toString().isBlank()) {
					return null;
				}
				return raw.toString();
		}
	}

	private static List<String> list(FormField field, Object raw) throws Refused {
		List<String> values = new ArrayList<>();
		if (raw == null) {
			return values;
		}
		Collection<?> items = raw instanceof Collection<?> c ? c : List.of(raw);
		if (items.size() > MAX_LIST_SIZE) {
			throw new Refused(field.name() + " accepts at most " + MAX_LIST_SIZE + " values.");
		}
		Set<String> seen = new LinkedHashSet<>();
		for (Object item : items) {
			if (item == null || item instanceof Map<?, ?> || item instanceof Collection<?>) {
				throw new Refused(field.name() + " must be a list of option values.");
			}
			String text = item.toString();
			if (text.length() > MAX_TEXT_LENGTH) {
				throw new Refused(field.name() + " has a value longer than " + MAX_TEXT_LENGTH + " characters.");
			}
			if (!text.isEmpty()) {
				seen.add(text);
			}
		}
		values.addAll(seen);
		return values;
	}

	private static Boolean bool(String name, Object raw) throws Refused {
		if (raw == null) {
			return Boolean.FALSE;
		}
		if (raw instanceof Boolean b) {
			return b;
		}
		// a JSON boolean, or the text the task page posts ("true" when ticked); "yes" or "1" is a typo that must
		// not approve anything
		String text = raw.toString().trim();
		if ("true".equals(text)) {
			return Boolean.TRUE;
		}
		if ("false".equals(text) || text.isEmpty()) {
			return Boolean.FALSE;
		}
		throw new Refused(name + " must be true or false.");
	}

	private static BigDecimal number(String name, Object raw) throws Refused {
		if (raw == null || raw.toString().isBlank()) {
			return null;
		}
		if (raw instanceof Double d && (d.isNaN() || d.isInfinite())) {
			throw new Refused(name + " must be a number.");
		}
		if (raw instanceof Float f && (f.isNaN() || f.isInfinite())) {
			throw new Refused(name + " must be a number.");
		}
		String text = raw instanceof Double || raw instanceof Float
				? BigDecimal.valueOf(((Number) raw).doubleValue()).toPlainString() : raw.toString().trim();
		if (!NUMBER.matcher(text).matches()) {
			throw new Refused(name + " must be a number.");
		}
		return new BigDecimal(text);
	}

	private static String dateTime(FormField field, Object raw) throws Refused {
		if (raw == null || raw.toString().isBlank()) {
			return null;
		}
		String text = raw.toString().trim();
		try {
			return switch (field.subtype()) {
				case "time" -> LocalTime.parse(text).toString();
				case "datetime" -> LocalDateTime.parse(text).toString();
				default -> LocalDate.parse(text).toString();
			};
		}
		catch (DateTimeParseException ex) {
			String format = switch (field.subtype()) {
				case "time" -> "a time (HH:MM)";
				case "datetime" -> "a date and time (YYYY-MM-DDTHH:MM)";
				default -> "a date (YYYY-MM-DD)";
			};
			throw new Refused(field.name() + " must be " + format + ".");
		}
	}

	/** The first of the form's rules that the typed value breaks, as a message; null when it keeps them all. */
	static String violation(FormField field, Object value, LocalDate today) {
		FormField.Rules rules = field.rules();
		String name = field.name();
		boolean empty = value == null || (value instanceof List<?> l && l.isEmpty())
				|| ("checkbox".equals(field.type()) && Boolean.FALSE.equals(value));
		if (empty) {
			return rules.required() ? name + " is required." : null;
		}
		if (value instanceof String text && !"datetime".equals(field.type())) {
			if (FormField.CHOICE.contains(field.type())) {
				return offered(field, text) ? null : name + " must be one of the offered options.";
			}
			if (rules.minLength() != null && text.length() < rules.minLength()) {
				return name + " must have at least " + rules.minLength() + " characters.";
			}
			if (rules.maxLength() != null && text.length() > rules.maxLength()) {
				return name + " must have at most " + rules.maxLength() + " characters.";
			}
			if (rules.pattern() != null && !Pattern.compile(rules.pattern()).matcher(text).find()) {
				return name + " must match the pattern " + rules.pattern() + ".";
			}
			if ("email".equals(rules.validationType()) && !EMAIL.matcher(text).matches()) {
				return name + " must be a valid email address.";
			}
			if ("phone".equals(rules.validationType()) && !PHONE.matcher(text).matches()) {
				return name + " must be a valid international phone number (such as +4930664040900).";
			}
		}
		if (value instanceof BigDecimal number) {
			if (rules.min() != null && number.compareTo(rules.min()) < 0) {
				return name + " must be at least " + rules.min().toPlainString() + ".";
			}
			if (rules.max() != null && number.compareTo(rules.max()) > 0) {
				return name + " must be at most " + rules.max().toPlainString() + ".";
			}
			if (field.decimalDigits() != null && number.stripTrailingZeros().scale() > Math.max(0, field.decimalDigits())) {
				return name + " must have at most " + Math.max(0, field.decimalDigits()) + " decimal places.";
			}
			BigDecimal step = field.increment();
			if (step != null && step.signum() > 0) {
				BigDecimal base = rules.min() == null ? BigDecimal.ZERO : rules.min();
				if (number.subtract(base).remainder(step).signum() != 0) {
					return name + " must be a multiple of " + step.toPlainString() + " from " + base.toPlainString() + ".";
				}
			}
		}
		if (value instanceof List<?> chosen) {
			for (Object option : chosen) {
				if (!offered(field, option.toString())) {
					return name + " must hold only the offered options.";
				}
			}
		}
		if ("datetime".equals(field.type()) && field.disallowPassedDates() && !"time".equals(field.subtype())
				&& LocalDate.parse(value.toString().substring(0, 10)).isBefore(today)) {
			return name + " must not be in the past.";
		}
		return null;
	}

	private static boolean offered(FormField field, String value) {
		return field.options().stream().anyMatch(o -> o.value().equals(value));
	}

	/** Whole numbers as Long, others as Double: both are Camunda primitive types, readable in Cockpit and in expressions. */
	private static Object forProcess(FormField field, Object value) {
		if (value instanceof BigDecimal number) {
			if (field.serializeToString()) {
				return number.toPlainString();
			}
			BigDecimal whole = number.stripTrailingZeros();
			if (whole.scale() <= 0 && whole.precision() - whole.scale() <= 18) {
				return whole.longValueExact();
			}
			return number.doubleValue();
		}
		return value;
	}
}
