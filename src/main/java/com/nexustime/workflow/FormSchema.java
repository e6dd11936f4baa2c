package com.nexustime.workflow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Camunda form read into components: the tree the task page renders and {@link FormValidation} checks. A form is
 * data a process owner edits, so its size is bounded ({@link #MAX_COMPONENTS}, {@link #MAX_DEPTH},
 * {@link #MAX_OPTIONS}) and what this application does not understand (another component kind, a hide expression
 * beyond the simple ones, a broken pattern) is logged once per form and left out, never a failed page.
 */
public final class FormSchema {

	private static final Logger log = LoggerFactory.getLogger(FormSchema.class);

	public static final int MAX_COMPONENTS = 500;

	public static final int MAX_DEPTH = 10;

	public static final int MAX_OPTIONS = 1000;

	public static final int MAX_PATTERN_LENGTH = 500;

	/** What was already logged, so an edited form's defect is reported once, not on every page view. */
	private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

	private final String name;

	private final List<FormField> components;

	private FormSchema(String name, List<FormField> components) {
		this.name = name;
		this.components = components;
	}

	/**
	 * Reads the components of a schema.
	 *
	 * @throws IllegalStateException when the form has more components or deeper groups than allowed
	 */
	public static FormSchema of(String name, JsonNode schema) {
		int[] count = { 0 };
		Set<String> domIds = new HashSet<>();
		return new FormSchema(name, read(name, schema.path("components"), 1, count, domIds));
	}

	/** How many components a schema holds, groups included; used to refuse an oversized form before reading it. */
	static int count(JsonNode components, int depth) {
		if (depth > MAX_DEPTH) {
			throw new IllegalStateException("has groups nested deeper than " + MAX_DEPTH + " levels");
		}
		int count = 0;
		for (JsonNode c : components) {
			count++;
			if (c.path("components").isArray()) {
				count += count(c.path("components"), depth + 1);
			}
			if (count > MAX_COMPONENTS) {
				throw new IllegalStateException("has more than " + MAX_COMPONENTS + " components");
			}
		}
		return count;
	}

	private static List<FormField> read(String name, JsonNode components, int depth, int[] count, Set<String> domIds) {
		if (depth > MAX_DEPTH) {
			throw new IllegalStateException(name + " has groups nested deeper than " + MAX_DEPTH + " levels");
		}
		List<FormField> fields = new ArrayList<>();
		for (JsonNode c : components) {
			if (++count[0] > MAX_COMPONENTS) {
				throw new IllegalStateException(name + " has more than " + MAX_COMPONENTS + " components");
			}
			String type = c.path("type").asText("");
			if (!FormField.KNOWN.contains(type)) {
				reportOnce(name, "type " + type, "{}: component type '{}' is not supported here; it is not shown",
						name, type);
			}
			List<FormField> children = c.path("components").isArray()
					? read(name, c.path("components"), depth + 1, count, domIds) : List.of();
			FormCondition hide = null;
			String expression = c.path("conditional").path("hide").asText(null);
			if (expression != null && !expression.isBlank()) {
				hide = FormCondition.parse(expression).orElse(null);
				if (hide == null) {
					reportOnce(name, "hide " + expression,
							"{}: the hide condition of '{}' is not a simple one ({}); the component is always shown",
							name, c.path("key").asText(c.path("id").asText()), abbreviate(expression));
				}
			}
			fields.add(new FormField(c, domId(c, count[0], domIds), staticOptions(c), rules(name, c), hide, children));
		}
		return fields;
	}

	private static String domId(JsonNode c, int index, Set<String> taken) {
		String base = "f-" + (c.hasNonNull("key") ? c.get("key").asText() : "c" + index).replaceAll("[^A-Za-z0-9_-]", "_");
		String id = base;
		for (int n = 2; !taken.add(id); n++) {
			id = base + "-" + n;
		}
		return id;
	}

	private static List<FormField.Option> staticOptions(JsonNode c) {
		List<FormField.Option> options = new ArrayList<>();
		for (JsonNode v : c.path("values")) {
			if (options.size() >= MAX_OPTIONS) {
				break;
			}
			String value = v.path("value").asText();
			options.add(new FormField.Option(value, v.path("label").asText(value)));
		}
		return options;
	}

	private static FormField.Rules rules(String name, JsonNode c) {
		JsonNode v = c.path("validate");
		if (!v.isObject()) {
			return FormField.Rules.NONE;
		}
		String pattern = v.hasNonNull("pattern") ? v.get("pattern").asText() : null;
		if (pattern != null && !usable(pattern)) {
			reportOnce(name, "pattern " + pattern, "{}: the pattern of '{}' is not a usable regular expression ({}); "
					+ "it is not checked", name, c.path("key").asText(), abbreviate(pattern));
			pattern = null;
		}
		return new FormField.Rules(v.path("required").asBoolean(false), integer(v, "minLength"), integer(v, "maxLength"),
				decimal(v, "min"), decimal(v, "max"), pattern,
				v.hasNonNull("validationType") ? v.get("validationType").asText() : null);
	}

	private static boolean usable(String pattern) {
		if (pattern.isEmpty() || pattern.length() > MAX_PATTERN_LENGTH) {
			return false;
		}
		try {
			java.util.regex.Pattern.compile(pattern);
			return true;
		}
		catch (java.util.regex.PatternSyntaxException ex) {
			return false;
		}
	}

	private static Integer integer(JsonNode v, String name) {
		return v.path(name).canConvertToInt() && v.path(name).isNumber() ? v.get(name).asInt() : null;
	}

	private static BigDecimal decimal(JsonNode v, String name) {
		JsonNode n = v.path(name);
		if (n.isNumber()) {
			return n.decimalValue();
		}
		if (n.isTextual() && n.asText().matches("-?\\d{1,18}(\\.\\d{1,18})?")) {
			return new BigDecimal(n.asText());
		}
		return null;
	}

	static void reportOnce(String form, String what, String message, Object... args) {
		if (REPORTED.size() < 10_000 && REPORTED.add(form + "\u0000" + what)) {
			log.warn(message, args);
		}
	}

	private static String abbreviate(String text) {
		return text.length() > 80 ? text.substring(0, 80) + "…" : text;
	}

	public String name() {
		return name;
	}

	/** The top-level components, groups holding theirs. */
	public List<FormField> components() {
		return components;
	}

	/** Every component, groups opened and left out, in the order shown. */
	public List<FormField> fields() {
		List<FormField> all = new ArrayList<>();
		flatten(components, all, false);
		return all;
	}

	/** Every component, groups included before their own components. */
	List<FormField> all() {
		List<FormField> all = new ArrayList<>();
		flatten(components, all, true);
		return all;
	}

	private static void flatten(List<FormField> components, List<FormField> into, boolean groups) {
		for (FormField f : components) {
			if (!"group".equals(f.type()) || groups) {
				into.add(f);
			}
			flatten(f.components(), into, groups);
		}
	}

	/**
	 * The same form with the options of {@code valuesKey} components taken from the task's variables: a list of
	 * {@code {label, value}} objects, or of plain values.
	 */
	public FormSchema withOptionsFrom(Function<String, Object> variables) {
		return new FormSchema(name, resolve(components, variables));
	}

	private List<FormField> resolve(List<FormField> fields, Function<String, Object> variables) {
		List<FormField> resolved = new ArrayList<>();
		for (FormField f : fields) {
			FormField r = f;
			if (!f.components().isEmpty()) {
				r = r.withComponents(resolve(f.components(), variables));
			}
			if (f.valuesKey() != null && f.options().isEmpty()) {
				r = r.withOptions(options(f, variables.apply(f.valuesKey())));
			}
			resolved.add(r);
		}
		return resolved;
	}

	private List<FormField.Option> options(FormField field, Object source) {
		List<FormField.Option> options = new ArrayList<>();
		if (source instanceof Iterable<?> values) {
			for (Object value : values) {
				if (options.size() >= MAX_OPTIONS) {
					break;
				}
				if (value instanceof Map<?, ?> map && map.get("value") != null) {
					String v = String.valueOf(map.get("value"));
					options.add(new FormField.Option(v, String.valueOf(map.get("label") == null ? v : map.get("label"))));
				}
				else if (value instanceof String || value instanceof Number || value instanceof Boolean) {
					options.add(new FormField.Option(value.toString(), value.toString()));
				}
			}
		}
		else if (source != null) {
			reportOnce(name, "valuesKey " + field.valuesKey(), "{}: the options of '{}' come from variable '{}', which "
					+ "is not a list ({}); no options are offered", name, field.key(), field.valuesKey(),
					source.getClass().getSimpleName());
		}
		return options;
	}
}
