package com.nexustime.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The test run's own copy of the task forms, so that a test can change a form the way a process owner would:
 * edit the file in the forms folder (the application reads forms on every use, so no reload is needed). The suite
 * reads its forms from {@code target/test-forms} (see application-test.yaml), copied fresh from {@code forms/}
 * before the shared context starts.
 * <p>
 * Use it with try-with-resources: closing puts the original text back, or removes a form that was added.
 */
public final class EditedForms implements AutoCloseable {

	public static final Path FOLDER = Path.of("target", "test-forms");

	private static final Path SHIPPED = Path.of("forms");

	private final Path file;

	private final String original;

	private EditedForms(Path file, String original) {
		this.file = file;
		this.original = original;
	}

	/** The text of a form in the test copy. */
	public static String read(String fileName) {
		return TestCopies.read(FOLDER.resolve(fileName));
	}

	/** Replaces {@code from} by {@code to} in the named form (it must occur). */
	public static EditedForms replace(String fileName, String from, String to) {
		Path file = FOLDER.resolve(fileName);
		String original = TestCopies.read(file);
		assertThat(original).as("text to replace in %s", fileName).contains(from);
		return write(file, original, original.replace(from, to));
	}

	/** Adds a form (or replaces one) with the given text. Closing removes or restores it. */
	public static EditedForms put(String fileName, String text) {
		Path file = FOLDER.resolve(fileName);
		return write(file, Files.exists(file) ? TestCopies.read(file) : null, text);
	}

	private static EditedForms write(Path file, String original, String text) {
		TestCopies.write(file, text);
		return new EditedForms(file, original);
	}

	@Override
	public void close() {
		TestCopies.restore(file, original);
	}

	/** Copies the shipped forms into the test folder before the shared context reads them. */
	public static class Copy implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestCopies.refresh(SHIPPED, FOLDER, ".form");
		}
	}
}
