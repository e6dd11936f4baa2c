package com.nexustime.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application as its own process (its own JVM, so its memory and start time are its own), listening on
 * loopback only, started from the compiled classes and the runtime class path.
 */
public final class AppProcess implements AutoCloseable {

	public final Process process;

	public final int port;

	public final double secondsToReady;

	private AppProcess(Process process, int port, double secondsToReady) {
		this.process = process;
		this.port = port;
		this.secondsToReady = secondsToReady;
	}

	/** Starts the app and waits until its login page answers 200; fails after {@code timeout}. */
	public static AppProcess start(String classpath, List<String> arguments, int port, Path log, Duration timeout)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-XX:+FlightRecorder");
		// the same memory bound as spring-boot:run (pom.xml): the resident-memory goal is measured with it
		command.addAll(List.of("-Xmx320m", "-XX:MaxMetaspaceSize=256m", "-XX:ReservedCodeCacheSize=96m",
				"-XX:+UseParallelGC", "-XX:TrimNativeHeapInterval=5000"));
		command.add("-Djava.awt.headless=true");
		// for profiling only, e.g. BENCH_APP_JAVA_OPTIONS=-XX:NativeMemoryTracking=summary (see docs/benchmarks.md)
		String extra = System.getenv().getOrDefault("BENCH_APP_JAVA_OPTIONS", "").trim();
		if (!extra.isEmpty()) {
			command.addAll(List.of(extra.split("\\s+")));
		}
		command.add("-cp");
		command.add(classpath);
		command.add("com.nexustime.NexusTimeApplication");
		command.add("--server.port=" + port);
		command.add("--server.address=127.0.0.1");
		command.addAll(arguments);
		Files.createDirectories(log.getParent());
		long started = System.nanoTime();
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		// as in spring-boot:run (pom.xml): two malloc arenas instead of eight per core (docs/benchmarks.md, memory)
		builder.environment().put("MALLOC_ARENA_MAX", "2");
		Process process = builder.start();
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		HttpRequest login = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
			.timeout(Duration.ofSeconds(2)).build();
		long deadline = started + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the app stopped while starting; see " + log);
			}
			try {
				if (http.send(login, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return new AppProcess(process, port, (System.nanoTime() - started) / 1e9);
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		process.destroyForcibly();
		throw new IllegalStateException("the app was not ready within " + timeout + "; see " + log);
	}

	/** Resident memory of the app's process in MB, from /proc (Linux). */
	/** The JVM options the app was started with beyond the fixed ones (BENCH_APP_JAVA_OPTIONS). */
	static String extraOptions() {
		return System.getenv().getOrDefault("BENCH_APP_JAVA_OPTIONS", "").trim();
	}

	public long pid() {
		return process.pid();
	}

	public double residentMegabytes() throws IOException {
		Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
		if (!Files.exists(status)) {
			return Double.NaN;
		}
		for (String line : Files.readAllLines(status)) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
			}
		}
		return Double.NaN;
	}

	/** Runs a jcmd command against the app (for JFR.start / JFR.stop), answering its output. */
	public String jcmd(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
		command.add(String.valueOf(process.pid()));
		command.addAll(List.of(arguments));
		Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(jcmd.getInputStream().readAllBytes());
		jcmd.waitFor(60, TimeUnit.SECONDS);
		return output;
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy(); // SIGTERM: Spring closes the pool and the engine
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}
}
