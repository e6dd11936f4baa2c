package com.nexustime.workflow;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormCatalogTest {

	private final ObjectMapper json = new ObjectMapper();

	@TempDir
	Path folder;

	@Test
	void managerReviewFormAsksForTheDecisionAndAComment() {
		FormCatalog forms = new FormCatalog(DataFolder.directory(Path.of("forms")), json);

		assertThat(forms.forms()).anySatisfy(f -> {
			assertThat(f.formKey()).isEqualTo("nexus:manager-review");
			assertThat(f.file()).isEqualTo("manager-review.form");
			assertThat(f.fields()).containsExactly("approved", "comment");
			assertThat(f.readable()).isTrue();
		});
		var form = forms.byFormKey("nexus:manager-review").orElseThrow();
		assertThat(form.schema().path("schemaVersion").asInt()).isPositive();
		assertThat(form.schema().path("components").findValuesAsText("type")).contains("checkbox", "textarea");
	}

	@Test
	void unknownOrForeignKeysFindNothing() {
		FormCatalog forms = new FormCatalog(DataFolder.directory(Path.of("forms")), json);

		assertThat(forms.byFormKey("nexus:no-such-form")).isEmpty();
		assertThat(forms.byFormKey("nexus:../pom")).isEmpty();
		assertThat(forms.byFormKey("camunda-forms:deployment:manager-review.form")).isEmpty();
		assertThat(forms.byFormKey(null)).isEmpty();
	}

	@Test
	void brokenFormIsListedWithItsProblemAndRefusedWhenRead() throws Exception {
		Files.writeString(folder.resolve("half.form"), "{ \"components\": [ ");
		Files.writeString(folder.resolve("plain.form"), "{ \"title\": \"no components\" }");
		FormCatalog forms = new FormCatalog(DataFolder.directory(folder), json);

		assertThat(forms.forms()).allSatisfy(f -> assertThat(f.readable()).isFalse());
		assertThat(forms.forms()).extracting(FormCatalog.FormFile::problem)
			.anySatisfy(p -> assertThat(p).startsWith("half.form is not valid JSON"))
			.anySatisfy(p -> assertThat(p).startsWith("plain.form has no \"components\""));
		assertThatThrownBy(() -> forms.byFormKey("nexus:half")).hasMessageContaining("half.form");
	}
}
