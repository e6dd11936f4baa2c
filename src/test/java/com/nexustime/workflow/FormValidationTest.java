package com.nexustime.workflow;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of each component kind, checked on the server exactly as the form states them. */
class FormValidationTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

	private final FormSchema form = FormSchema.of("rich.form", RichForm.schema())
		.withOptionsFrom(name -> "offices".equals(name)
				? List.of(Map.of("label", "Berlin", "value", "BER"), Map.of("label", "Lisbon", "value", "LIS")) : null);

	private Map<String, Object> valid() {
		Map<String, Object> values = new HashMap<>();
		values.put("name", "Ada");
		values.put("hours", "7.5");
		values.put("tools", List.of("hammer"));
		values.put("size", "M");
		values.put("due", "2026-12-31");
		return values;
	}

	private Map<String, String> errors(Map<String, Object> values) {
		Map<String, String> errors = new HashMap<>();
		FormValidation.check(form, values, TODAY).errors().forEach(e -> errors.put(e.field(), e.message()));
		return errors;
	}

	private Map<String, String> errorsWith(String key, Object value) {
		Map<String, Object> values = valid();
		values.put(key, value);
		return errors(values);
	}

	@Test
	void validValuesReachTheProcessTyped() {
		Map<String, Object> values = valid();
		values.put("people", 3);
		values.put("urgent", List.of("false", "true"));
		values.put("reason", "Client visit");
		values.put("tools", List.of("hammer", "drill"));
		values.put("tags", List.of("a", "c"));
		values.put("colour", "green");
		values.put("office", "LIS");
		values.put("email", "ada@example.com");
		values.put("code", "changed by hand");
		values.put("internal", "not submitted");
		values.put("upload", "not a field here");
		values.put("unknown", "ignored");

		FormValidation.Outcome outcome = FormValidation.check(form, values, TODAY);

		assertThat(outcome.errors()).isEmpty();
		Map<String, Object> v = outcome.variables();
		assertThat(v.get("hours")).isEqualTo(7.5);
		assertThat(v.get("people")).isEqualTo(3L);
		assertThat(v.get("urgent")).isEqualTo(Boolean.TRUE);
		assertThat(v.get("tools")).isEqualTo(List.of("hammer", "drill"));
		assertThat(v.get("tags")).isEqualTo(List.of("a", "c"));
		assertThat(v.get("size")).isEqualTo("M");
		assertThat(v.get("colour")).isEqualTo("green");
		assertThat(v.get("office")).isEqualTo("LIS");
		assertThat(v.get("due")).isEqualTo("2026-12-31");
		assertThat(v.get("reason")).isEqualTo("Client visit");
		assertThat(v.get("code")).as("read-only keeps its default").isEqualTo("CC-7");
		assertThat(v).doesNotContainKeys("internal", "upload", "unknown", "bigJob");
		assertThat(v).containsEntry("notes", null);
	}

	@Test
	void wholeNumbersAreLongsOthersDoubles() {
		assertThat(FormValidation.check(form, Map.of("name", "Ada", "hours", "8.0", "tools", "saw", "size", "S",
				"due", "2027-01-01"), TODAY).variables().get("hours")).isEqualTo(8L);
		Map<String, Object> json = valid();
		json.put("hours", 12.5d);
		assertThat(FormValidation.check(form, json, TODAY).variables().get("hours")).isEqualTo(12.5);
	}

	@Test
	void requiredMeansSomethingForEveryKind() {
		Map<String, String> errors = errors(new HashMap<>());
		assertThat(errors).containsEntry("name", "Your name is required.")
			.containsEntry("hours", "Hours is required.")
			.containsEntry("tools", "Tools is required.")
			.containsEntry("size", "Size is required.")
			.containsEntry("due", "Due date is required.")
			.doesNotContainKeys("notes", "colour", "tags", "urgent", "reason");
		assertThat(errorsWith("name", "   ")).containsKey("name");
		assertThat(errorsWith("tools", List.of())).containsKey("tools");
	}

	@Test
	void textLengthPatternAndEmail() {
		assertThat(errorsWith("name", "A")).containsEntry("name", "Your name must have at least 2 characters.");
		assertThat(errorsWith("name", "A".repeat(41))).containsEntry("name", "Your name must have at most 40 characters.");
		assertThat(errorsWith("name", "ada")).containsEntry("name", "Your name must match the pattern ^[A-Z].");
		assertThat(errorsWith("notes", "x".repeat(21))).containsEntry("notes", "Notes must have at most 20 characters.");
		assertThat(errorsWith("email", "not-an-address")).containsEntry("email", "Email must be a valid email address.");
		assertThat(errorsWith("email", "ada@example.com")).isEmpty();
		assertThat(errorsWith("notes", "x".repeat(FormValidation.MAX_TEXT_LENGTH + 1)))
			.containsEntry("notes", "Notes must be at most 10000 characters.");
	}

	@Test
	void numbersKeepTheirBoundsAndDigits() {
		assertThat(errorsWith("hours", "41")).containsEntry("hours", "Hours must be at most 40.");
		assertThat(errorsWith("hours", "-1")).containsEntry("hours", "Hours must be at least 0.");
		assertThat(errorsWith("hours", "7.25")).containsEntry("hours", "Hours must have at most 1 decimal places.");
		assertThat(errorsWith("hours", "seven")).containsEntry("hours", "Hours must be a number.");
		assertThat(errorsWith("hours", "1e400")).containsEntry("hours", "Hours must be a number.");
		assertThat(errorsWith("hours", Double.NaN)).containsEntry("hours", "Hours must be a number.");
		assertThat(errorsWith("people", "0")).containsEntry("people", "People must be at least 1.");
		assertThat(errorsWith("hours", "40")).isEmpty();
	}

	@Test
	void checkboxesAreBooleansOrRefused() {
		assertThat(errorsWith("urgent", "maybe")).containsEntry("urgent", "Urgent must be true or false.");
		// near-booleans through the API are typos, not a yes: they must not approve a week
		for (String typo : List.of("yes", "1", "on", "TRUE ")) {
			assertThat(errorsWith("urgent", typo)).as(typo).containsEntry("urgent", "Urgent must be true or false.");
		}
		Map<String, Object> ticked = valid();
		ticked.put("urgent", "true");
		assertThat(FormValidation.check(form, ticked, TODAY).variables().get("urgent")).isEqualTo(Boolean.TRUE);
		assertThat(FormValidation.check(form, valid(), TODAY).variables().get("urgent")).isEqualTo(Boolean.FALSE);
	}

	@Test
	void choicesMustBeOffered() {
		assertThat(errorsWith("size", "XL")).containsEntry("size", "Size must be one of the offered options.");
		assertThat(errorsWith("colour", "blue")).containsEntry("colour", "Colour must be one of the offered options.");
		assertThat(errorsWith("office", "NYC")).containsEntry("office", "Office must be one of the offered options.");
		assertThat(errorsWith("tools", List.of("hammer", "chainsaw")))
			.containsEntry("tools", "Tools must hold only the offered options.");
		assertThat(errorsWith("tags", List.of("z"))).containsEntry("tags", "Tags must hold only the offered options.");
		assertThat(errorsWith("size", Map.of("value", "M"))).containsEntry("size", "Size must be a single value.");
	}

	@Test
	void datesAreIsoText() {
		assertThat(errorsWith("due", "31.12.2026")).containsEntry("due", "Due date must be a date (YYYY-MM-DD).");
		assertThat(errorsWith("due", "2026-02-30")).containsKey("due");
	}

	@Test
	void hiddenFieldsAreNeitherRequiredNorSubmitted() {
		Map<String, Object> values = valid();
		values.put("reason", "submitted while hidden");
		values.put("bigJob", "true");
		FormValidation.Outcome notUrgent = FormValidation.check(form, values, TODAY);
		assertThat(notUrgent.errors()).isEmpty();
		assertThat(notUrgent.variables()).doesNotContainKeys("reason", "bigJob");

		values.put("urgent", "true");
		values.remove("reason");
		values.put("hours", "35");
		assertThat(errors(values)).containsEntry("reason", "Why urgent is required.");
		values.put("reason", "Fire");
		assertThat(FormValidation.check(form, values, TODAY).variables()).containsEntry("bigJob", Boolean.TRUE);
	}

	@Test
	void passedDatesRefusedWhenTheFormSaysSo() throws Exception {
		FormSchema dated = FormSchema.of("d.form", new ObjectMapper().readTree("""
				{ "components": [ { "key": "day", "type": "datetime", "subtype": "datetime", "dateLabel": "Day",
				  "disallowPassedDates": true } ] }"""));
		assertThat(FormValidation.check(dated, Map.of("day", "2026-12-06T10:00"), TODAY).errors())
			.extracting(FormValidation.FieldError::message).containsExactly("Day must not be in the past.");
		assertThat(FormValidation.check(dated, Map.of("day", "2026-12-07T10:00"), TODAY).variables())
			.containsEntry("day", "2026-12-07T10:00");
	}

	@Test
	void simpleHideConditions() {
		assertThat(FormCondition.parse("=field = \"x\"").orElseThrow().holds(Map.of("field", "x"))).isTrue();
		assertThat(FormCondition.parse("=field = \"x\"").orElseThrow().holds(Map.of("field", "y"))).isFalse();
		assertThat(FormCondition.parse("=field").orElseThrow().holds(Map.of("field", true))).isTrue();
		assertThat(FormCondition.parse("=field").orElseThrow().holds(Map.of("field", "text"))).isFalse();
		assertThat(FormCondition.parse("=not(field)").orElseThrow().holds(Map.of("field", false))).isTrue();
		assertThat(FormCondition.parse("=field > 3").orElseThrow().holds(Map.of("field", 4L))).isTrue();
		assertThat(FormCondition.parse("=field > 3").orElseThrow().holds(Map.of("field", "4"))).isFalse();
		assertThat(FormCondition.parse("=field != null").orElseThrow().holds(Map.of("field", "a"))).isTrue();
		assertThat(FormCondition.parse("=someBean.method()")).isEmpty();
		assertThat(FormCondition.parse("=a and b")).isEmpty();
	}

	@Test
	void oversizedFormsAreRefusedBeforeUse() throws Exception {
		StringBuilder many = new StringBuilder("{ \"components\": [");
		for (int i = 0; i <= FormSchema.MAX_COMPONENTS; i++) {
			many.append(i == 0 ? "" : ",").append("{ \"type\": \"separator\" }");
		}
		var tooMany = new ObjectMapper().readTree(many.append("] }").toString());
		assertThatThrownBy(() -> FormSchema.of("many.form", tooMany)).hasMessageContaining("more than 500 components");

		String deep = "{ \"components\": [" + "{ \"type\": \"group\", \"components\": [".repeat(12) + "]}".repeat(12)
				+ "] }";
		var tooDeep = new ObjectMapper().readTree(deep);
		assertThatThrownBy(() -> FormSchema.of("deep.form", tooDeep)).hasMessageContaining("nested deeper");
	}

	@Test
	void unknownKindsAreKeptOutOfTheValues() {
		assertThat(form.fields()).filteredOn(f -> "upload".equals(f.key())).singleElement()
			.satisfies(f -> assertThat(f.known()).isFalse());
		assertThat(FormValidation.check(form, valid(), TODAY).variables()).doesNotContainKey("upload");
	}
}
