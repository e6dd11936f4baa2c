package com.nexustime.faults;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL 17 (the zonky embedded binaries) in a process of its own, so that the fault run can stop it under
 * the running app and start it again on the same data directory and port. {@link #main} is that process: it starts
 * the server and keeps it until it is told to stop (SIGTERM), then shuts it down cleanly.
 */
final class PgServer implements AutoCloseable {

	private final Path data;

	private final int port;

	private final Path log;

	private Process process;

	private int starts;

	PgServer(Path data, int port, Path log) {
		this.data = data;
		this.port = port;
		this.log = log;
	}

	int port() {
		return port;
	}

	String url(String database) {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
	}

	/** Starts the server (a fresh data directory the first time, the same one after) and waits until it listens. */
	void start() throws IOException, InterruptedException {
		boolean fresh = starts++ == 0;
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx96m", "-Dot.epg.no-cleanup=true", "-cp", System.getProperty("java.class.path"),
				PgServer.class.getName(), data.toString(), String.valueOf(port), String.valueOf(fresh));
		Files.createDirectories(log.getParent());
		process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("PostgreSQL did not start; see " + log);
			}
			if (Files.readString(log).contains("READY " + port + " #" + starts)) {
				return;
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("PostgreSQL was not ready in 90 s; see " + log);
	}

	/** Stops the server (a fast shutdown: open connections are cut) and waits until the port is closed. */
	void stop() throws IOException, InterruptedException {
		if (process == null) {
			return;
		}
		process.destroy();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		process = null;
		for (int i = 0; i < 100 && listening(); i++) {
			Thread.sleep(100);
		}
	}

	private boolean listening() {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			return true;
		}
		catch (IOException closed) {
			return false;
		}
	}

	@Override
	public void close() throws IOException, InterruptedException {
		stop();
	}

	/** The server's own process: {@code DATA PORT FRESH}. */
	public static void main(String[] args) throws Exception {
		// only the run's own SIGTERM stops the server; a hang-up or Ctrl-C meant for the shell does not
		for (String signal : new String[] { "HUP", "INT" }) {
			sun.misc.Signal.handle(new sun.misc.Signal(signal), ignored -> {
			});
		}
		Path data = Path.of(args[0]).toAbsolutePath();
		int port = Integer.parseInt(args[1]);
		boolean fresh = Boolean.parseBoolean(args[2]);
		EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(fresh)
			.setPort(port).setPGStartupWait(Duration.ofSeconds(80))
			.setServerConfig("listen_addresses", "127.0.0.1").setServerConfig("max_connections", "100")
			// durable, as the app's own embedded server: the fault run kills processes
			.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on").start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				pg.close();
			}
			catch (IOException | RuntimeException ex) {
				System.out.println("PostgreSQL shutdown: " + ex.getMessage());
			}
		}));
		String log = Path.of(System.getProperty("user.dir")).toString();
		System.out.println("READY " + port + " #" + countStarts(data) + " (" + log + ")");
		Thread.currentThread().join();
	}

	/* which start of this data directory this is, so the parent waits for this start's line, not an earlier one */
	private static int countStarts(Path data) throws IOException {
		Path counter = data.resolveSibling(data.getFileName() + ".starts");
		int n = Files.exists(counter) ? Integer.parseInt(Files.readString(counter).trim()) + 1 : 1;
		Files.writeString(counter, String.valueOf(n));
		return n;
	}
}
