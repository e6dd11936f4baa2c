package com.nexustime.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.flyway.FlywayConnectionDetails;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL 17 from the binaries on the class path when no external server is configured.
 * The cluster lives under {@code nexus.embedded-db.directory} with fsync on, so the data survives restarts
 * and crashes of the JVM.
 * <p>
 * The app connects as {@link DatabaseRoles#appRole()}, not as the server's superuser; Flyway migrates as the
 * superuser and {@link DatabasePrivileges} then gives the tables to the application role. The server listens on
 * localhost only and trusts local connections (zonky's {@code initdb -A trust}), so the role has no password:
 * what keeps the application in bounds is what the role may do, not how it logs in.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfig.NoExternalDatabase.class)
class EmbeddedDatabaseConfig {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfig.class);

	static final String SUPERUSER = "postgres";

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties, DatabaseRoles roles) throws IOException {
		EmbeddedPostgres postgres = start(properties);
		try {
			roles.create(postgres.getPostgresDatabase(), null);
		}
		catch (SQLException | RuntimeException ex) {
			postgres.close();
			throw new IllegalStateException("Could not create the database roles: " + ex.getMessage(), ex);
		}
		return postgres;
	}

	/** Flyway migrates as the server's superuser, which then hands the tables to the application role. */
	@Bean
	FlywayConnectionDetails flywayConnectionDetails(EmbeddedPostgres postgres) {
		String url = jdbcUrl(postgres);
		return new FlywayConnectionDetails() {

			@Override
			public String getUsername() {
				return SUPERUSER;
			}

			@Override
			public String getPassword() {
				return null;
			}

			@Override
			public String getJdbcUrl() {
				return url;
			}
		};
	}

	/** Starts (or takes over, after a crash) the cluster in the configured directory. */
	static EmbeddedPostgres start(EmbeddedDatabaseProperties properties) throws IOException {
		Path directory = Path.of(properties.directory()).toAbsolutePath();
		Files.createDirectories(directory);
		if (!properties.clean()) {
			stopLeftoverServer(directory);
		}
		int port = properties.port() > 0 ? properties.port() : freePort();
		long started = System.nanoTime();
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(properties.clean())
			.setRegisterShutdownHook(false)
			.setPort(port)
			.setPGStartupWait(Duration.ofSeconds(60))
			// zonky turns durability off for throw-away test databases; this one keeps the user's data
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.setServerConfig("max_connections", "100")
			.start();
		log.info("Embedded PostgreSQL started on port {} with data in {} ({} ms)", port, directory,
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
		return postgres;
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgres postgres, DatabaseRoles roles) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(jdbcUrl(postgres));
		dataSource.setUsername(roles.appRole());
		dataSource.setPoolName("nexus-embedded");
		return dataSource;
	}

	/** Without a user in the URL: the driver lets URL parameters win over the pool's user name. */
	private static String jdbcUrl(EmbeddedPostgres postgres) {
		return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
	}

	/**
	 * A JVM killed with -9 leaves its postmaster running and holding the data directory; stop it so this
	 * start can take over the same cluster.
	 */
	static void stopLeftoverServer(Path directory) {
		Path pidFile = directory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		try {
			List<String> lines = Files.readAllLines(pidFile);
			if (lines.isEmpty() || lines.get(0).isBlank()) {
				return;
			}
			long pid = Long.parseLong(lines.get(0).trim());
			Optional<ProcessHandle> leftover = ProcessHandle.of(pid)
				.filter(ProcessHandle::isAlive)
				.filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
			if (leftover.isEmpty()) {
				return;
			}
			log.warn("Stopping PostgreSQL (pid {}) left running on {} by an earlier start", pid, directory);
			ProcessHandle server = leftover.get();
			server.destroy(); // SIGTERM: smart shutdown, the old clients are gone with their JVM
			try {
				server.onExit().get(30, TimeUnit.SECONDS);
			}
			catch (Exception timeout) {
				server.destroyForcibly();
				server.onExit().get(10, TimeUnit.SECONDS);
			}
		}
		catch (Exception ex) {
			log.warn("Could not stop a leftover PostgreSQL in {}: {}", directory, ex.toString());
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
	}

	static class NoExternalDatabase implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
		}
	}
}
