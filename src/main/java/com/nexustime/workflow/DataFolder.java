package com.nexustime.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * One of the folders a process owner edits ({@code processes/}, {@code rules/}, {@code forms/}): read from the
 * file system when the folder exists there, else from the copy packaged in the jar under the same name.
 * Files are named relative to the folder with {@code /} separators, so the same file has the same name
 * wherever the folder lives.
 */
public final class DataFolder {

	/** A file of the folder: its relative name, its content and, on the file system, when it last changed. */
	public record DataFile(String name, byte[] content, Instant modifiedAt) {

		public String text() {
			return new String(content, StandardCharsets.UTF_8);
		}
	}

	private final Path directory;

	private final String classpathFolder;

	private DataFolder(Path directory, String classpathFolder) {
		this.directory = directory;
		this.classpathFolder = classpathFolder;
	}

	/**
	 * The folder at {@code path} (relative to the working directory), falling back to {@code classpathFolder}
	 * in the application's classpath when that path is not a directory.
	 */
	public static DataFolder of(String path, String classpathFolder) {
		return new DataFolder(Path.of(path).toAbsolutePath().normalize(), classpathFolder);
	}

	/** Only the given directory, without a fallback (tests, tools). */
	public static DataFolder directory(Path directory) {
		return new DataFolder(directory.toAbsolutePath().normalize(), null);
	}

	public boolean onFileSystem() {
		return Files.isDirectory(directory) || classpathFolder == null;
	}

	/** Where the files come from, for logs and the admin page. */
	public String location() {
		return onFileSystem() ? directory.toString() : "classpath:" + classpathFolder + "/";
	}

	/** Every file whose name ends with one of {@code extensions}, sorted by name. */
	public List<DataFile> files(String... extensions) {
		List<DataFile> files = onFileSystem() ? fromDirectory(extensions) : fromClasspath(extensions);
		files.sort(Comparator.comparing(DataFile::name));
		return files;
	}

	/** The file with that relative name, if it exists and has one of {@code extensions}. */
	public Optional<DataFile> file(String name, String... extensions) {
		// only names the listing offers, so a name like "../secret" never reaches the file system
		return files(extensions).stream().filter(f -> f.name().equals(name)).findFirst();
	}

	private List<DataFile> fromDirectory(String[] extensions) {
		if (!Files.isDirectory(directory)) {
			return new ArrayList<>();
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			List<DataFile> files = new ArrayList<>();
			for (Path path : paths.filter(Files::isRegularFile).toList()) {
				String name = directory.relativize(path).toString().replace('\\', '/');
				if (matches(name, extensions)) {
					files.add(new DataFile(name, Files.readAllBytes(path), Files.getLastModifiedTime(path).toInstant()));
				}
			}
			return files;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the folder " + directory, ex);
		}
	}

	private List<DataFile> fromClasspath(String[] extensions) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(getClass().getClassLoader());
		try {
			Resource root = resolver.getResource("classpath:" + classpathFolder + "/");
			if (!root.exists()) {
				return new ArrayList<>();
			}
			String rootUrl = root.getURL().toString();
			List<DataFile> files = new ArrayList<>();
			for (Resource resource : resolver.getResources("classpath:" + classpathFolder + "/**/*")) {
				String url = resource.getURL().toString();
				if (!resource.isReadable() || url.endsWith("/") || !url.startsWith(rootUrl)) {
					continue;
				}
				String name = url.substring(rootUrl.length());
				if (matches(name, extensions)) {
					try (var in = resource.getInputStream()) {
						files.add(new DataFile(name, in.readAllBytes(), null));
					}
				}
			}
			return files;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read classpath:" + classpathFolder, ex);
		}
	}

	private static boolean matches(String name, String[] extensions) {
		return extensions.length == 0 || Arrays.stream(extensions).anyMatch(name::endsWith);
	}
}
