package com.nexustime.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The file work behind the test copies of a folder a process owner edits ({@link EditedRules}, {@link EditedForms}):
 * a fresh copy before the shared context starts, reading a file, and putting a file back as it was.
 */
final class TestCopies {

	private TestCopies() {
	}

	/** Empties {@code copy} and fills it with the files of {@code shipped} whose names end in {@code suffix}. */
	static void refresh(Path shipped, Path copy, String suffix) {
		try {
			Files.createDirectories(copy);
			try (Stream<Path> old = Files.list(copy)) {
				for (Path path : old.toList()) {
					Files.delete(path);
				}
			}
			try (Stream<Path> files = Files.list(shipped)) {
				for (Path path : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
					Files.copy(path, copy.resolve(path.getFileName()), StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not copy " + shipped + " to " + copy, ex);
		}
	}

	static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void write(Path file, String text) {
		try {
			Files.writeString(file, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Puts {@code file} back: removed when it did not exist ({@code original} null), else its original text. */
	static void restore(Path file, String original) {
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
}
