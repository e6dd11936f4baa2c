package com.nexustime.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application as a user runs it: started from an empty folder (so the processes, rules and
 * forms come from the jar), killed with SIGKILL, started again on the same data, then stopped normally.
 */
class AppProcessIT {

	private static final String FIRST_PASSWORD = "first-start-secret";

	private final HttpClient http = HttpClient.newHttpClient();

	private final ObjectMapper json = new ObjectMapper();

	private final List<Process> started = new ArrayList<>();

	@TempDir
	Path workDir;

	@AfterEach
	void stopEverything() throws Exception {
		for (Process process : started) {
			if (process.isAlive()) {
				process.destroy();
				process.waitFor(30, TimeUnit.SECONDS);
			}
		}
	}

	@Test
	void keepsItsDataAcrossAKillAndARestart() throws Exception {
		int port = freePort();
		Process first = start(port, FIRST_PASSWORD);
		awaitUp(port, first);
		assertThat(status(port, "/engine-rest/deployment", FIRST_PASSWORD)).isEqualTo(200);
		int deployments = deployments(port, FIRST_PASSWORD);
		assertThat(deployments).as("processes/ deployed from the jar's copies").isEqualTo(1);
		String home = page(port, "/", FIRST_PASSWORD);
		assertThat(home).contains("Northwind Creative");

		first.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9: PostgreSQL is left running
		Path pidFile = workDir.resolve("data/postgres/postmaster.pid");
		assertThat(pidFile).exists();

		port = freePort();
		Process second = start(port, "a-different-password"); // ignored: the admin already exists
		awaitUp(port, second);
		assertThat(status(port, "/engine-rest/deployment", FIRST_PASSWORD)).isEqualTo(200);
		assertThat(deployments(port, FIRST_PASSWORD)).as("unchanged diagrams make no new deployment").isEqualTo(deployments);
		assertThat(page(port, "/", FIRST_PASSWORD)).contains("Northwind Creative");

		second.destroy(); // a normal stop shuts PostgreSQL down too
		assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(pidFile).doesNotExist();
	}

	private Process start(int port, String adminPassword) throws IOException {
		String jar = System.getProperty("nexus.app-jar");
		assertThat(jar).as("the failsafe configuration names the packaged jar").isNotNull();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-jar", jar, "--server.port=" + port,
				"--logging.level.root=warn", "--logging.level.com.nexustime=info")
			.directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("app.log").toFile()));
		builder.environment().put("NEXUS_ADMIN_EMAIL", "owner@example.com");
		builder.environment().put("NEXUS_ADMIN_PASSWORD", adminPassword);
		builder.environment().remove("SPRING_DATASOURCE_URL");
		Process process = builder.start();
		started.add(process);
		return process;
	}

	private void awaitUp(int port, Process process) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new AssertionError("the app stopped during start-up:\n" + log());
			}
			try {
				if (status(port, "/login", null) == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new AssertionError("the app did not start in time:\n" + log());
	}

	private int deployments(int port, String password) throws Exception {
		JsonNode list = json.readTree(page(port, "/engine-rest/deployment?name=nexus-processes", password));
		return list.size();
	}

	private int status(int port, String path, String password) throws IOException, InterruptedException {
		return http.send(request(port, path, password), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private String page(int port, String path, String password) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(request(port, path, password), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private static HttpRequest request(int port, String path, String password) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(20));
		if (password != null) {
			builder.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString(("owner@example.com:" + password).getBytes(StandardCharsets.UTF_8)));
		}
		return builder.build();
	}

	private String log() throws IOException {
		Path log = workDir.resolve("app.log");
		return Files.exists(log) ? Files.readString(log) : "(no log)";
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
