package com.nexustime.workflow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One component of a Camunda form (Camunda Forms JSON as Camunda Modeler 5 writes it), as the task page renders
 * and the server validates it. A group holds its own components; every other kind has none.
 */
public final class FormField {

	/** The kinds of component this application renders and validates. */
	public static final Set<String> KNOWN = Set.of("text", "textfield", "textarea", "number", "checkbox", "checklist",
			"radio", "select", "taglist", "datetime", "group", "separator", "spacer");

	/** Kinds whose value is a list of option values. */
	static final Set<String> MULTIPLE = Set.of("checklist", "taglist");

	/** Kinds whose value is one of the options. */
	static final Set<String> CHOICE = Set.of("radio", "select");

	public record Option(String value, String label) {
	}

	/** The {@code validate} block of a component. */
	public record Rules(boolean required, Integer minLength, Integer maxLength, BigDecimal min, BigDecimal max,
			String pattern, String validationType) {

		static final Rules NONE = new Rules(false, null, null, null, null, null, null);
	}

	private final String id;

	private final String domId;

	private final String key;

	private final String type;

	private final String label;

	private final String description;

	private final List<String> lines;

	private final List<Option> options;

	private final String valuesKey;

	private final Rules rules;

	private final JsonNode defaultValue;

	private final boolean readonly;

	private final boolean disabled;

	private final String hideExpression;

	private final FormCondition hide;

	private final List<FormField> components;

	private final String subtype;

	private final Integer decimalDigits;

	private final BigDecimal increment;

	private final boolean serializeToString;

	private final boolean disallowPassedDates;

	private final int height;

	FormField(JsonNode c, String domId, List<Option> options, Rules rules, FormCondition hide,
			List<FormField> components) {
		this.id = c.path("id").asText(null);
		this.domId = domId;
		this.key = c.hasNonNull("key") ? c.get("key").asText() : null;
		this.type = c.path("type").asText("");
		this.subtype = c.path("subtype").asText("date");
		String label = c.path("label").asText("");
		if (label.isEmpty() && "datetime".equals(type)) {
			label = c.path("time".equals(subtype) ? "timeLabel" : "dateLabel").asText("");
		}
		this.label = label;
		this.description = c.path("description").asText("");
		this.lines = c.has("text") ? List.of(c.path("text").asText().split("\\R")) : List.of();
		this.options = List.copyOf(options);
		this.valuesKey = c.hasNonNull("valuesKey") ? c.get("valuesKey").asText() : null;
		this.rules = rules;
		this.defaultValue = c.get("defaultValue");
		this.readonly = c.path("readonly").asBoolean(false);
		this.disabled = c.path("disabled").asBoolean(false);
		this.hideExpression = c.path("conditional").hasNonNull("hide") ? c.path("conditional").get("hide").asText()
				: null;
		this.hide = hide;
		this.components = List.copyOf(components);
		this.decimalDigits = c.path("decimalDigits").isIntegralNumber() ? c.get("decimalDigits").asInt() : null;
		this.increment = c.hasNonNull("increment") && c.get("increment").asText().matches("\\d{1,18}(\\.\\d{1,18})?")
				? new BigDecimal(c.get("increment").asText()) : null;
		this.serializeToString = c.path("serializeToString").asBoolean(false);
		this.disallowPassedDates = c.path("disallowPassedDates").asBoolean(false);
		this.height = Math.max(0, Math.min(c.path("height").asInt(60), 1000));
	}

	private FormField(FormField field, List<Option> options, List<FormField> components) {
		this.id = field.id;
		this.domId = field.domId;
		this.key = field.key;
		this.type = field.type;
		this.label = field.label;
		this.description = field.description;
		this.lines = field.lines;
		this.options = List.copyOf(options);
		this.valuesKey = field.valuesKey;
		this.rules = field.rules;
		this.defaultValue = field.defaultValue;
		this.readonly = field.readonly;
		this.disabled = field.disabled;
		this.hideExpression = field.hideExpression;
		this.hide = field.hide;
		this.components = List.copyOf(components);
		this.subtype = field.subtype;
		this.decimalDigits = field.decimalDigits;
		this.increment = field.increment;
		this.serializeToString = field.serializeToString;
		this.disallowPassedDates = field.disallowPassedDates;
		this.height = field.height;
	}

	/** Every component of the schema, groups opened (the groups themselves left out), in the order shown. */
	static List<FormField> of(JsonNode schema) {
		return FormSchema.of("form", schema).fields();
	}

	FormField withOptions(List<Option> resolved) {
		return new FormField(this, resolved, components);
	}

	FormField withComponents(List<FormField> children) {
		return new FormField(this, options, children);
	}

	public String id() {
		return id;
	}

	/** The HTML id of the component's input; derived from the key, so a form cannot pick the page's own ids. */
	public String domId() {
		return domId;
	}

	public String key() {
		return key;
	}

	public String type() {
		return type;
	}

	public String label() {
		return label.isEmpty() && key != null ? key : label;
	}

	/** The name messages use: the label, else the key. */
	String name() {
		return label();
	}

	public String description() {
		return description;
	}

	public List<String> lines() {
		return lines;
	}

	public List<Option> options() {
		return options;
	}

	public String valuesKey() {
		return valuesKey;
	}

	public Rules rules() {
		return rules;
	}

	public boolean required() {
		return rules.required();
	}

	public JsonNode defaultValue() {
		return defaultValue;
	}

	public boolean readonly() {
		return readonly;
	}

	public boolean disabled() {
		return disabled;
	}

	public String hideExpression() {
		return hideExpression;
	}

	public FormCondition hide() {
		return hide;
	}

	public List<FormField> components() {
		return components;
	}

	public String subtype() {
		return subtype;
	}

	public Integer decimalDigits() {
		return decimalDigits;
	}

	public BigDecimal increment() {
		return increment;
	}

	public boolean serializeToString() {
		return serializeToString;
	}

	public boolean disallowPassedDates() {
		return disallowPassedDates;
	}

	public int height() {
		return height;
	}

	public boolean known() {
		return KNOWN.contains(type);
	}

	/** A component that submits a value: it has a key and is an input. */
	public boolean input() {
		return key != null && known() && !Set.of("text", "group", "separator", "spacer").contains(type);
	}

	public boolean multiple() {
		return MULTIPLE.contains(type);
	}

	/** The step of a number input: the form's increment, else one unit of its last decimal digit, else any. */
	public String step() {
		if (increment != null) {
			return increment.toPlainString();
		}
		if (decimalDigits != null) {
			return decimalDigits <= 0 ? "1" : BigDecimal.ONE.movePointLeft(Math.min(decimalDigits, 18)).toPlainString();
		}
		return "any";
	}

	/** The HTML input type of a datetime component. */
	public String dateInputType() {
		return switch (subtype) {
			case "time" -> "time";
			case "datetime" -> "datetime-local";
			default -> "date";
		};
	}

	public boolean heading(String line) {
		return line.startsWith("#");
	}

	public String headingText(String line) {
		return line.replaceFirst("^#+\\s*", "");
	}

	@Override
	public String toString() {
		return type + (key == null ? "" : ":" + key);
	}
}
