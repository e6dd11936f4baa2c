package com.nexustime.support;

import java.util.Map;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Chooses the PostgreSQL the tests run against: the server named by {@code NEXUS_TEST_DATABASE_URL}
 * (with {@code NEXUS_TEST_DATABASE_USER} / {@code _PASSWORD}), else a Testcontainers PostgreSQL 17 when a
 * Docker engine answers, else the app's own embedded PostgreSQL in {@code target/test-postgres}.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static PostgreSQLContainer<?> container;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String url = System.getenv("NEXUS_TEST_DATABASE_URL");
		if (StringUtils.hasText(url)) {
			use(context, url, System.getenv().getOrDefault("NEXUS_TEST_DATABASE_USER", "postgres"),
					System.getenv().getOrDefault("NEXUS_TEST_DATABASE_PASSWORD", ""));
			return;
		}
		if (!"false".equals(System.getenv("NEXUS_TEST_TESTCONTAINERS")) && dockerAvailable()) {
			PostgreSQLContainer<?> postgres = container();
			use(context, postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
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
		}
		return container;
	}

	private static void use(ConfigurableApplicationContext context, String url, String user, String password) {
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("nexus-test-database",
				Map.of("spring.datasource.url", url, "spring.datasource.username", user,
						"spring.datasource.password", password)));
	}
}
