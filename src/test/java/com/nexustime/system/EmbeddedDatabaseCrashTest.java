package com.nexustime.system;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded cluster keeps its data across a normal restart and across a {@code kill -9} of the JVM that
 * started it. The crash is real: a second JVM starts the server, writes a row and is killed with SIGKILL,
 * leaving its postmaster running and holding the data directory.
 */
class EmbeddedDatabaseCrashTest {

	private static final String READY = "EMBEDDED-POSTGRES-READY";

	@TempDir
	Path directory;

	@Test
	void dataSurvivesANormalCloseAndRestart() throws Exception {
		EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(directory.toString(), 0, false);
		try (EmbeddedPostgres first = EmbeddedDatabaseConfig.start(properties)) {
			writeProbe(first, "kept across restart");
		}
		try (EmbeddedPostgres second = EmbeddedDatabaseConfig.start(properties)) {
			assertThat(readProbe(second)).containsExactly("kept across restart");
		}
	}

	@Test
	void dataSurvivesAKilledJvmWhoseServerIsStillRunning() throws Exception {
		try {
			Process crashing = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-cp", System.getProperty("java.class.path"), CrashingApp.class.getName(), directory.toString())
				.redirectErrorStream(true)
				.start();
			awaitReady(crashing);
			crashing.destroyForcibly(); // SIGKILL: no shutdown hooks, no chance to stop PostgreSQL
			assertThat(crashing.waitFor(30, TimeUnit.SECONDS)).isTrue();

			long leftoverPid = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());
			assertThat(ProcessHandle.of(leftoverPid).map(ProcessHandle::isAlive)).as("postmaster left running")
				.contains(true);

			EmbeddedDatabaseConfig.stopLeftoverServer(directory);
			assertThat(ProcessHandle.of(leftoverPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();

			try (EmbeddedPostgres restarted = EmbeddedDatabaseConfig
				.start(new EmbeddedDatabaseProperties(directory.toString(), 0, false))) {
				assertThat(readProbe(restarted)).containsExactly("written before kill -9");
			}
		}
		finally {
			// never leave a server behind, whatever failed above
			EmbeddedDatabaseConfig.stopLeftoverServer(directory);
		}
	}

	private static void awaitReady(Process process) throws Exception {
		BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		StringBuilder seen = new StringBuilder();
		String line;
		while ((line = output.readLine()) != null) {
			if (line.equals(READY)) {
				return;
			}
			seen.append(line).append('\n');
		}
		throw new AssertionError("the crashing JVM ended before its server was ready:\n" + seen);
	}

	static void writeProbe(EmbeddedPostgres postgres, String value) throws SQLException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create table crash_probe (value text not null)");
			statement.execute("insert into crash_probe values ('" + value + "')");
		}
	}

	static List<String> readProbe(EmbeddedPostgres postgres) throws SQLException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select value from crash_probe")) {
			List<String> values = new java.util.ArrayList<>();
			while (rows.next()) {
				values.add(rows.getString(1));
			}
			return values;
		}
	}

	/** The JVM that gets killed: starts the server exactly as the app does, writes, then waits to die. */
	static final class CrashingApp {

		public static void main(String[] args) throws Exception {
			EmbeddedPostgres postgres = EmbeddedDatabaseConfig.start(new EmbeddedDatabaseProperties(args[0], 0, false));
			writeProbe(postgres, "written before kill -9");
			System.out.println(READY);
			System.out.flush();
			Thread.sleep(TimeUnit.MINUTES.toMillis(5));
		}
	}
}
