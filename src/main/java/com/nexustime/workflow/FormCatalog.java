package com.nexustime.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.nexustime.workflow.DataFolder.DataFile;

/**
 * The task forms of the forms folder (Camunda Forms JSON, editable in Camunda Modeler). A user task names its
 * form as {@code formKey="nexus:<name>"}, meaning {@code forms/<name>.form}. Files are read on every call, so
 * an edited form shows without a restart.
 */
@Component
public class FormCatalog {

	public static final String FORM_KEY_PREFIX = "nexus:";

	static final String EXTENSION = ".form";

	/** The largest form file read; a form is data a process owner edits, so it is bounded before parsing. */
	public static final int MAX_FORM_BYTES = 256 * 1024;

	/**
	 * A form file: its form key, file name, the keys of its input fields, and {@code problem} when the file
	 * is not a readable form (then {@code fields} is empty).
	 */
	public record FormFile(String formKey, String file, List<String> fields, Instant modifiedAt, String problem) {

		public boolean readable() {
			return problem == null;
		}
	}

	/** A form ready to render: its key and its Camunda Forms schema. */
	public record TaskForm(String formKey, String file, JsonNode schema) {

		/** The schema read into components (checked against the size bounds when the file was read). */
		public FormSchema form() {
			return FormSchema.of(file, schema);
		}
	}

	private final DataFolder folder;

	private final ObjectMapper json;

	@Autowired
	FormCatalog(@Value("${nexus.forms-path:forms}") String path, ObjectMapper json) {
		this(DataFolder.of(path, "forms"), json);
	}

	FormCatalog(DataFolder folder, ObjectMapper json) {
		this.folder = folder;
		this.json = json;
	}

	public String location() {
		return folder.location();
	}

	public List<FormFile> forms() {
		List<FormFile> forms = new ArrayList<>();
		for (DataFile file : folder.files(EXTENSION)) {
			String key = formKey(file.name());
			try {
				forms.add(new FormFile(key, file.name(), fieldKeys(parse(file)), file.modifiedAt(), null));
			}
			catch (IllegalStateException ex) {
				forms.add(new FormFile(key, file.name(), List.of(), file.modifiedAt(), ex.getMessage()));
			}
		}
		return forms;
	}

	/**
	 * The form a user task names in its {@code formKey}; empty for another kind of key or a missing file.
	 *
	 * @throws IllegalStateException when the file exists but is not a Camunda Forms schema
	 */
	public Optional<TaskForm> byFormKey(String formKey) {
		if (formKey == null || !formKey.startsWith(FORM_KEY_PREFIX)) {
			return Optional.empty();
		}
		String file = formKey.substring(FORM_KEY_PREFIX.length()) + EXTENSION;
		return folder.file(file, EXTENSION).map(f -> new TaskForm(formKey, f.name(), parse(f)));
	}

	private static String formKey(String fileName) {
		return FORM_KEY_PREFIX + fileName.substring(0, fileName.length() - EXTENSION.length());
	}

	private JsonNode parse(DataFile file) {
		if (file.content().length > MAX_FORM_BYTES) {
			throw new IllegalStateException(file.name() + " is larger than " + MAX_FORM_BYTES / 1024
					+ " KB, so it is not read");
		}
		JsonNode schema;
		try {
			schema = json.readTree(file.content());
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(file.name() + " is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (schema == null || !schema.path("components").isArray()) {
			throw new IllegalStateException(file.name() + " has no \"components\" list, so it is not a Camunda form");
		}
		try {
			FormSchema.count(schema.path("components"), 1);
		}
		catch (IllegalStateException tooLarge) {
			throw new IllegalStateException(file.name() + " " + tooLarge.getMessage() + ", so it is not read");
		}
		return schema;
	}

	/** The keys the form submits, including those of fields nested in groups. */
	private static List<String> fieldKeys(JsonNode schema) {
		List<String> keys = new ArrayList<>();
		collectKeys(schema.path("components"), keys);
		return keys;
	}

	private static void collectKeys(JsonNode components, List<String> keys) {
		for (JsonNode component : components) {
			if (component.hasNonNull("key")) {
				keys.add(component.get("key").asText());
			}
			if (component.path("components").isArray()) {
				collectKeys(component.path("components"), keys);
			}
		}
	}
}
