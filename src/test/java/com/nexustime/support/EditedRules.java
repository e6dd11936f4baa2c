package com.nexustime.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The test run's own copy of the rule files, so that a test can change a rule the way a process owner would:
 * edit the file, then reload through the admin API. The suite reads its rules from {@code target/test-rules}
 * (see application-test.yaml), copied fresh from {@code rules/} before the shared context starts.
 * <p>
 * Use it with try-with-resources: closing puts the original text back and reloads again, so later tests see
 * the rules as shipped.
 *
 * <pre>
 * try (EditedRules edited = EditedRules.replace(admin(), "activity-availability.drl", "old text", "new text")) {
 *     // every surface now follows the edited rule
 * }
 * </pre>
 */
public final class EditedRules implements AutoCloseable {

	public static final Path FOLDER = Path.of("target", "test-rules");

	private static final Path SHIPPED = Path.of("rules");

	private final Api.Client admin;

	private final Path file;

	private final String original;

	private EditedRules(Api.Client admin, Path file, String original) {
		this.admin = admin;
		this.file = file;
		this.original = original;
	}

	/**
	 * Replaces {@code from} by {@code to} in the named rule file (it must occur) and reloads the rules as an
	 * admin; the reload must succeed.
	 */
	public static EditedRules replace(Api.Client admin, String fileName, String from, String to) {
		Path file = FOLDER.resolve(fileName);
		String original = TestCopies.read(file);
		assertThat(original).as("text to replace in %s", fileName).contains(from);
		return write(admin, file, original, original.replace(from, to));
	}

	/** Adds a new rule file (or replaces one) with the given text and reloads. Closing removes or restores it. */
	public static EditedRules put(Api.Client admin, String fileName, String text) {
		Path file = FOLDER.resolve(fileName);
		String original = Files.exists(file) ? TestCopies.read(file) : null;
		return write(admin, file, original, text);
	}

	private static EditedRules write(Api.Client admin, Path file, String original, String text) {
		TestCopies.write(file, text);
		EditedRules edited = new EditedRules(admin, file, original);
		try {
			edited.reload();
		}
		catch (AssertionError | RuntimeException ex) {
			// a refused edit must not stay in the folder for the tests that follow
			edited.close();
			throw ex;
		}
		return edited;
	}

	private void reload() {
		Api.Response response = admin.post("/api/v1/admin/rules/reload", null);
		assertThat(response.status()).as("rule reload: %s", response).isEqualTo(200);
	}

	@Override
	public void close() {
		TestCopies.restore(file, original);
		reload();
	}

	/** Copies the shipped rules into the test folder before the shared context reads them. */
	public static class Copy implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestCopies.refresh(SHIPPED, FOLDER, ".drl");
		}
	}
}
