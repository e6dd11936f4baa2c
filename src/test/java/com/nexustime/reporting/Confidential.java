package com.nexustime.reporting;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Cost rates are confidential: an answer a staff member can get names no cost or margin anywhere in it. */
final class Confidential {

	private Confidential() {
	}

	static void assertNoCostFields(JsonNode answer) {
		List<String> found = new ArrayList<>();
		collect(answer, "$", found);
		assertThat(found).as("cost fields in %s", answer).isEmpty();
	}

	static void assertNoCostText(String answer) {
		String lower = answer.toLowerCase(Locale.ROOT);
		assertThat(lower).doesNotContain("cost rate").doesNotContain("costrate").doesNotContain("margin")
			.doesNotContain("timecost");
	}

	private static void collect(JsonNode node, String path, List<String> found) {
		if (node.isObject()) {
			Iterator<String> names = node.fieldNames();
			while (names.hasNext()) {
				String name = names.next();
				String lower = name.toLowerCase(Locale.ROOT);
				if (lower.contains("cost") || lower.contains("margin")) {
					found.add(path + "." + name);
				}
				collect(node.get(name), path + "." + name, found);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				collect(node.get(i), path + "[" + i + "]", found);
			}
		}
	}
}
