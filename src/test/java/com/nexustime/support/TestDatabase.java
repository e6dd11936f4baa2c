package com.nexustime.support;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.StringUtils;

import com.nexustime.system.DatabaseRoles;

/**
 * Chooses the PostgreSQL the tests run against: the server named by {@code NEXUS_TEST_DATABASE_URL}
 * (with {@code NEXUS_TEST_DATABASE_USER} / {@code _PASSWORD}, and Flyway's owner login in
 * {@code NEXUS_TEST_FLYWAY_USER} / {@code _PASSWORD} when it differs), else a Testcontainers PostgreSQL 17 when
 * a Docker engine answers, else the app's own embedded PostgreSQL in {@code target/test-postgres}.
 * <p>
 * The embedded server and the container get the production arrangement: the app connects as the application
 * role, Flyway migrates as the superuser.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static PostgreSQLContainer<?> container;

	private static String appPassword;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String url = System.getenv("NEXUS_TEST_DATABASE_URL");
		if (StringUtils.hasText(url)) {
			Map<String, Object> properties = datasource(url,
					System.getenv().getOrDefault("NEXUS_TEST_DATABASE_USER", "postgres"),
					System.getenv().getOrDefault("NEXUS_TEST_DATABASE_PASSWORD", ""));
			String flywayUser = System.getenv("NEXUS_TEST_FLYWAY_USER");
			if (StringUtils.hasText(flywayUser)) {
				properties.put("spring.flyway.user", flywayUser);
				properties.put("spring.flyway.password", System.getenv().getOrDefault("NEXUS_TEST_FLYWAY_PASSWORD", ""));
			}
			use(context, properties);
			return;
		}
		if (!"false".equals(System.getenv("NEXUS_TEST_TESTCONTAINERS")) && dockerAvailable()) {
			PostgreSQLContainer<?> postgres = container();
			Map<String, Object> properties = datasource(postgres.getJdbcUrl(), DatabaseRoles.defaults().appRole(),
					appPassword);
			properties.put("spring.flyway.user", postgres.getUsername());
			properties.put("spring.flyway.password", postgres.getPassword());
			use(context, properties);
		}
		// otherwise the embedded server starts, configured by application-test.yaml
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	private static synchronized PostgreSQLContainer<?> container() {
		if (container == null) {
			container = new PostgreSQLContainer<>("postgres:17-alpine");
			container.start();
			appPassword = UUID.randomUUID().toString();
			try {
				DatabaseRoles.defaults().create(new DriverManagerDataSource(container.getJdbcUrl(),
						container.getUsername(), container.getPassword()), appPassword);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not create the roles in the test container", ex);
			}
		}
		return container;
	}

	private static Map<String, Object> datasource(String url, String user, String password) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", url);
		properties.put("spring.datasource.username", user);
		properties.put("spring.datasource.password", password);
		return properties;
	}

	private static void use(ConfigurableApplicationContext context, Map<String, Object> properties) {
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("nexus-test-database", properties));
	}
}
