package com.nexustime.workflow;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A process owner edits a form file and the next rendering shows it, with no build in between. */
class TaskFormFolderTest {

	@TempDir
	Path forms;

	@Test
	void anEditedFormFileIsRenderedAsEdited() throws Exception {
		Files.copy(Path.of("forms/manager-review.form"), forms.resolve("manager-review.form"));
		FormCatalog catalog = new FormCatalog(DataFolder.of(forms.toString(), "forms"), new ObjectMapper());

		var before = FormField.of(catalog.byFormKey("nexus:manager-review").orElseThrow().schema());
		assertThat(before).extracting(FormField::label).contains("Approve this week");

		String edited = Files.readString(forms.resolve("manager-review.form"))
			.replace("Approve this week", "I approve these hours")
			.replace("\"components\": [", "\"components\": [ {\"id\": \"Field_hours\", \"key\": \"hoursChecked\", "
					+ "\"type\": \"textfield\", \"label\": \"Hours checked against the plan\", \"validate\": {\"required\": true}},");
		Files.writeString(forms.resolve("manager-review.form"), edited);

		var after = FormField.of(catalog.byFormKey("nexus:manager-review").orElseThrow().schema());
		assertThat(after).extracting(FormField::label).contains("I approve these hours", "Hours checked against the plan")
			.doesNotContain("Approve this week");
		assertThat(after).filteredOn(f -> "hoursChecked".equals(f.key())).singleElement()
			.satisfies(f -> assertThat(f.required()).isTrue());
	}
}
