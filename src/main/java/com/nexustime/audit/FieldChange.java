package com.nexustime.audit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One field of an audited change, before and after, as text; nested objects are flattened to dotted names
 * ({@code address.city}), arrays stay whole JSON. {@code null} means the field was absent (or the record is a
 * creation or a deletion).
 */
public record FieldChange(String field, String before, String after, boolean changed) {

	/** Every field of either side, in the order they first appear, changed or not. */
	static List<FieldChange> between(JsonNode before, JsonNode after) {
		Map<String, String> old = flatten(before);
		Map<String, String> now = flatten(after);
		LinkedHashMap<String, Boolean> fields = new LinkedHashMap<>();
		old.keySet().forEach(f -> fields.put(f, true));
		now.keySet().forEach(f -> fields.put(f, true));
		List<FieldChange> changes = new ArrayList<>();
		for (String field : fields.keySet()) {
			String b = old.get(field);
			String a = now.get(field);
			changes.add(new FieldChange(field, b, a, !Objects.equals(b, a)));
		}
		return changes;
	}

	private static Map<String, String> flatten(JsonNode node) {
		Map<String, String> values = new LinkedHashMap<>();
		if (node == null || node.isNull()) {
			return values;
		}
		if (!node.isObject()) {
			values.put("(value)", text(node));
			return values;
		}
		flatten("", node, values);
		return values;
	}

	private static void flatten(String prefix, JsonNode object, Map<String, String> values) {
		for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> field = it.next();
			String name = prefix + field.getKey();
			if (field.getValue().isObject() && !field.getValue().isEmpty()) {
				flatten(name + ".", field.getValue(), values);
			}
			else {
				values.put(name, text(field.getValue()));
			}
		}
	}

	private static String text(JsonNode value) {
		return value.isValueNode() && !value.isNull() ? value.asText() : value.toString();
	}
}
