package com.nexustime.workflow;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simple FEEL expressions a form's {@code conditional.hide} may hold, evaluated on the server (and, with the
 * same meaning, by task-form.js in the browser): {@code =field}, {@code =not(field)} and {@code =field OP literal}
 * with OP one of {@code = != < <= > >=} and a string, number, {@code true}, {@code false} or {@code null}
 * literal. As in FEEL, only a result of exactly {@code true} hides: comparing a text with a number gives null,
 * and the field stays visible.
 */
public record FormCondition(String key, String operator, Object literal) {

	private static final String KEY = "([A-Za-z_][A-Za-z0-9_]*)";

	private static final Pattern TRUTHY = Pattern.compile("^=\\s*" + KEY + "\\s*$");

	private static final Pattern NEGATED = Pattern.compile("^=\\s*not\\s*\\(\\s*" + KEY + "\\s*\\)\\s*$");

	private static final Pattern COMPARISON = Pattern
		.compile("^=\\s*" + KEY + "\\s*(!=|<=|>=|=|<|>)\\s*(\"[^\"\\\\]*\"|-?\\d{1,18}(?:\\.\\d{1,18})?|true|false|null)\\s*$");

	/** The condition of a {@code conditional.hide} text; empty when it is not one of the simple forms. */
	public static Optional<FormCondition> parse(String expression) {
		if (expression == null || expression.length() > 500) {
			return Optional.empty();
		}
		String text = expression.strip();
		Matcher m = TRUTHY.matcher(text);
		if (m.matches() && !"not".equals(m.group(1))) {
			return Optional.of(new FormCondition(m.group(1), "is", Boolean.TRUE));
		}
		m = NEGATED.matcher(text);
		if (m.matches()) {
			return Optional.of(new FormCondition(m.group(1), "not", Boolean.TRUE));
		}
		m = COMPARISON.matcher(text);
		if (m.matches()) {
			return Optional.of(new FormCondition(m.group(1), m.group(2), literal(m.group(3))));
		}
		return Optional.empty();
	}

	private static Object literal(String text) {
		if (text.startsWith("\"")) {
			return text.substring(1, text.length() - 1);
		}
		return switch (text) {
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			case "null" -> null;
			default -> new BigDecimal(text);
		};
	}

	/** Whether the condition holds for these typed values (a missing key counts as null). */
	public boolean holds(Map<String, ?> values) {
		Object value = values.get(key);
		if (value instanceof Number n && !(value instanceof BigDecimal)) {
			value = new BigDecimal(n.toString());
		}
		return switch (operator) {
			case "is" -> Boolean.TRUE.equals(value);
			case "not" -> Boolean.FALSE.equals(value);
			case "=" -> equal(value, literal);
			case "!=" -> comparable(value, literal) && !equal(value, literal);
			default -> ordered(value, literal);
		};
	}

	/** The literal as the browser script reads it: JSON text. */
	public String literalJson() {
		if (literal == null) {
			return "null";
		}
		if (literal instanceof String s) {
			return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
		}
		return literal instanceof BigDecimal d ? d.toPlainString() : literal.toString();
	}

	private static boolean equal(Object value, Object literal) {
		if (value == null || literal == null) {
			return value == literal;
		}
		if (value instanceof BigDecimal a && literal instanceof BigDecimal b) {
			return a.compareTo(b) == 0;
		}
		return value.equals(literal);
	}

	/** FEEL gives null, not false, for values of different kinds; null is not true, so != does not hide then. */
	private static boolean comparable(Object value, Object literal) {
		return value == null || literal == null || value.getClass() == literal.getClass();
	}

	private boolean ordered(Object value, Object literal) {
		int order;
		if (value instanceof BigDecimal a && literal instanceof BigDecimal b) {
			order = a.compareTo(b);
		}
		else if (value instanceof String a && literal instanceof String b) {
			order = a.compareTo(b);
		}
		else {
			return false;
		}
		return switch (operator) {
			case "<" -> order < 0;
			case "<=" -> order <= 0;
			case ">" -> order > 0;
			default -> order >= 0;
		};
	}
}
