package com.nexustime.workflow;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** One component of a Camunda form, as the task page renders it. */
public record FormField(String key, String type, String label, String description, List<String> lines,
		List<Option> options, boolean required) {

	public record Option(String value, String label) {
	}

	public boolean heading(String line) {
		return line.startsWith("#");
	}

	public String headingText(String line) {
		return line.replaceFirst("^#+\\s*", "");
	}

	static List<FormField> of(JsonNode schema) {
		List<FormField> fields = new ArrayList<>();
		collect(schema.path("components"), fields);
		return fields;
	}

	private static void collect(JsonNode components, List<FormField> fields) {
		for (JsonNode c : components) {
			if (c.path("components").isArray()) {
				collect(c.path("components"), fields);
				continue;
			}
			List<Option> options = new ArrayList<>();
			c.path("values").forEach(v -> options.add(new Option(v.path("value").asText(), v.path("label").asText())));
			List<String> lines = c.has("text") ? List.of(c.path("text").asText().split("\\R")) : List.of();
			fields.add(new FormField(c.path("key").asText(null), c.path("type").asText(), c.path("label").asText(""),
					c.path("description").asText(""), lines, options, c.path("validate").path("required").asBoolean(false)));
		}
	}
}
