package com.nexustime.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The README's recipe for an external server, run as written: its SQL creates the roles on a fresh server, then
 * Spring Boot's own Flyway wiring migrates as {@code spring.flyway.user} while the data source connects as the
 * application role, and the privilege step (running as the owner, not a superuser) leaves the app append-only
 * rights on the audit log.
 */
class ExternalServerSetupTest {

	@TempDir
	Path directory;

	@Test
	void theReadmeRolesWithFlywayAsOwnerAndTheAppAsAppRole() throws Exception {
		try (EmbeddedPostgres server = EmbeddedDatabaseConfig
			.start(new EmbeddedDatabaseProperties(directory.toString(), 0, false))) {
			try (Connection connection = server.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				for (String sql : readmeSetup()) {
					statement.execute(sql);
				}
			}
			new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class))
				.withUserConfiguration(Privileges.class)
				.withPropertyValues("spring.datasource.url=jdbc:postgresql://localhost:" + server.getPort() + "/nexus",
						"spring.datasource.username=nexus_app", "spring.datasource.password=app-secret",
						"spring.flyway.user=nexus_owner", "spring.flyway.password=owner-secret",
						"spring.flyway.locations=classpath:db/migration")
				.run(context -> {
					assertThat(context).hasNotFailed();
					JdbcClient migrator = JdbcClient.create(context.getBean(Flyway.class).getConfiguration().getDataSource());
					assertThat(migrator.sql("select current_user").query(String.class).single()).isEqualTo("nexus_owner");
					JdbcClient app = JdbcClient.create(context.getBean(DataSource.class));
					assertThat(app.sql("select current_user").query(String.class).single()).isEqualTo("nexus_app");
					assertThat(app.sql("""
							select tablename || ':' || tableowner from pg_tables where schemaname = 'public'
							   and tableowner <> 'nexus_app' order by tablename""").query(String.class).list())
						.containsExactly("audit_log:nexus_audit", "audit_mac_start:nexus_audit", "audit_seal:nexus_audit",
							"flyway_schema_history:nexus_owner");
					assertThat(app.sql("select has_table_privilege('audit_log', 'INSERT') and has_table_privilege('audit_log', 'SELECT')")
						.query(Boolean.class).single()).isTrue();
					assertThatThrownBy(() -> app.sql("update audit_log set actor = 'x'").update()).rootCause()
						.hasMessageContaining("permission denied for table audit_log");
					assertThatThrownBy(() -> app.sql("drop table audit_log").update()).rootCause()
						.hasMessageContaining("must be owner of table audit_log");
					// the process engine creates its tables with the app's connection
					app.sql("create table act_probe (id_ varchar(64) primary key)").update();
					app.sql("update workspace set name = name").update();
					assertThat(new DatabaseLoginCheck(app).problems()).isEmpty();
					assertThat(new DatabaseLoginCheck(JdbcClient.create(server.getDatabase("postgres", "nexus")))
						.problems()).anySatisfy(problem -> assertThat(problem).contains("a superuser"));
				});
		}
	}

	/** The statements of the README's first SQL block under "Use your own PostgreSQL". */
	private static List<String> readmeSetup() throws Exception {
		String readme = Files.readString(Path.of("README.md"));
		String section = readme.substring(readme.indexOf("### Use your own PostgreSQL"));
		Matcher block = Pattern.compile("(?s)```sql\n(.*?)```").matcher(section);
		assertThat(block.find()).as("an SQL block in the README's section").isTrue();
		String withoutComments = block.group(1).replaceAll("--[^\n]*", "");
		return Arrays.stream(withoutComments.split(";")).map(String::strip).filter(sql -> !sql.isEmpty()).toList();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(DatabaseRoles.class)
	@Import(DatabasePrivileges.class)
	static class Privileges {
	}
}
