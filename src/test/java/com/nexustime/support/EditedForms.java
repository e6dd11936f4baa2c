package com.nexustime.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

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
		return readFile(FOLDER.resolve(fileName));
	}

	/** Replaces {@code from} by {@code to} in the named form (it must occur). */
	public static EditedForms replace(String fileName, String from, String to) {
		Path file = FOLDER.resolve(fileName);
		String original = readFile(file);
		assertThat(original).as("text to replace in %s", fileName).contains(from);
		return write(file, original, original.replace(from, to));
	}

	/** Adds a form (or replaces one) with the given text. Closing removes or restores it. */
	public static EditedForms put(String fileName, String text) {
		Path file = FOLDER.resolve(fileName);
		return write(file, Files.exists(file) ? readFile(file) : null, text);
	}

	private static EditedForms write(Path file, String original, String text) {
		try {
			Files.writeString(file, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new EditedForms(file, original);
	}

	@Override
	public void close() {
		try {
			if (original == null) {
				Files.deleteIfExists(file);
			}
			else {
				Files.writeString(file, original, StandardCharsets.UTF_8);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String readFile(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Copies the shipped forms into the test folder before the shared context reads them. */
	public static class Copy implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			try {
				Files.createDirectories(FOLDER);
				try (Stream<Path> old = Files.list(FOLDER)) {
					for (Path path : old.toList()) {
						Files.delete(path);
					}
				}
				try (Stream<Path> shipped = Files.list(SHIPPED)) {
					for (Path path : shipped.filter(p -> p.toString().endsWith(".form")).toList()) {
						Files.copy(path, FOLDER.resolve(path.getFileName()), StandardCopyOption.REPLACE_EXISTING);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not copy the forms to " + FOLDER, ex);
			}
		}
	}
}
