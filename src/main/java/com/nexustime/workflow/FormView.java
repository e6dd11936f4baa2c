package com.nexustime.workflow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A form as the task page shows it: its components, the values in its inputs (the defaults at first, what was
 * typed after a refusal), the message beside each refused field and which components their condition hides.
 */
public final class FormView {

	private final FormSchema form;

	private final Map<String, List<String>> shown;

	private final Map<String, String> errors;

	private final Set<FormField> hidden;

	private FormView(FormSchema form, Map<String, List<String>> shown, Map<String, String> errors) {
		this.form = form;
		this.shown = shown;
		this.errors = errors;
		Map<String, Object> raw = new HashMap<>();
		shown.forEach((key, values) -> raw.put(key, values));
		this.hidden = FormValidation.hidden(form, FormValidation.lenient(form, raw));
	}

	/** The form as it opens: every input at its default value. */
	static FormView initial(FormSchema form) {
		Map<String, List<String>> shown = new LinkedHashMap<>();
		for (FormField field : form.fields()) {
			if (field.input()) {
				shown.put(field.key(), texts(FormValidation.defaultOf(field)));
			}
		}
		return new FormView(form, shown, Map.of());
	}

	/** The form as it was posted, with the messages of the refused fields (by key). */
	static FormView typed(FormSchema form, Map<String, List<String>> submitted, Map<String, String> errors) {
		Map<String, List<String>> shown = new LinkedHashMap<>();
		for (FormField field : form.fields()) {
			if (field.input()) {
				List<String> values = field.readonly() ? texts(FormValidation.defaultOf(field))
						: submitted.getOrDefault(field.key(), List.of());
				shown.put(field.key(), values);
			}
		}
		return new FormView(form, shown, errors);
	}

	private static List<String> texts(Object value) {
		if (value == null) {
			return List.of();
		}
		List<String> texts = new ArrayList<>();
		if (value instanceof Collection<?> values) {
			values.forEach(v -> texts.add(String.valueOf(v)));
		}
		else {
			texts.add(String.valueOf(value));
		}
		return texts;
	}

	public List<FormField> components() {
		return form.components();
	}

	/** The text in a single-value input (the last value posted, as a checkbox posts its hidden "false" first). */
	public String value(FormField field) {
		List<String> values = shown.getOrDefault(field.key(), List.of());
		return values.isEmpty() ? "" : values.get(values.size() - 1);
	}

	public boolean checked(FormField field) {
		return Set.of("true", "on", "yes", "1").contains(value(field).toLowerCase());
	}

	/** Whether an option is chosen: among the values of a checklist or taglist, or the value of a radio or select. */
	public boolean chosen(FormField field, FormField.Option option) {
		if (field.multiple()) {
			return shown.getOrDefault(field.key(), List.of()).contains(option.value());
		}
		return value(field).equals(option.value());
	}

	public String error(FormField field) {
		return field.key() == null ? null : errors.get(field.key());
	}

	public boolean invalid(FormField field) {
		return error(field) != null;
	}

	public boolean hidden(FormField field) {
		return hidden.contains(field);
	}

	/** The ids that describe an input: its description and its error, for aria-describedby; null when none. */
	public String describedBy(FormField field) {
		List<String> ids = new ArrayList<>();
		if (!field.description().isEmpty()) {
			ids.add(field.domId() + "-description");
		}
		if (invalid(field)) {
			ids.add(field.domId() + "-error");
		}
		return ids.isEmpty() ? null : String.join(" ", ids);
	}

	/** The refused fields in the order the form shows them, for the summary above the form. */
	public List<Map.Entry<FormField, String>> refused() {
		List<Map.Entry<FormField, String>> refused = new ArrayList<>();
		Set<String> seen = new java.util.HashSet<>();
		for (FormField field : form.fields()) {
			if (invalid(field) && seen.add(field.key())) {
				refused.add(Map.entry(field, error(field)));
			}
		}
		return refused;
	}
}
