package com.nexustime.system;

import java.nio.file.Path;
import java.sql.Connection;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A data directory from an earlier version, where the app connected as {@code postgres} and so every table
 * belongs to the superuser, is taken over at the next start: the same steps the app runs (roles, then Flyway
 * with the privilege step), twice, on a real cluster.
 */
class DatabaseTakeoverTest {

	@TempDir
	Path directory;

	@Test
	void tablesCreatedBySuperuserAreHandedToTheAppAndTheAuditLogIsAppendOnly() throws Exception {
		DatabaseRoles roles = DatabaseRoles.defaults();
		try (EmbeddedPostgres postgres = EmbeddedDatabaseConfig
			.start(new EmbeddedDatabaseProperties(directory.toString(), 0, false))) {
			DataSource superuser = postgres.getPostgresDatabase();
			// the earlier version: migrated and used as postgres
			flyway(superuser).load().migrate();
			JdbcClient old = JdbcClient.create(superuser);
			old.sql("create table act_ge_property (name_ varchar(64) primary key, value_ varchar(300))").update();
			old.sql("insert into workspace (id, name) values (1, 'Before the upgrade')").update();
			assertThat(old.sql("select tableowner from pg_tables where tablename = 'audit_log'").query(String.class).single())
				.isEqualTo("postgres");

			for (int start = 1; start <= 2; start++) {
				roles.create(superuser, null);
				flyway(superuser).callbacks(new DatabasePrivileges(roles)).load().migrate();
			}

			JdbcClient app = JdbcClient.create(postgres.getDatabase(roles.appRole(), "postgres"));
			assertThat(app.sql("select current_user").query(String.class).single()).isEqualTo("nexus_app");
			assertThat(app.sql("update workspace set name = 'After the upgrade' where id = 1").update()).isEqualTo(1);
			assertThat(app.sql("""
					select tablename from pg_tables where schemaname = 'public' and tableowner <> 'nexus_app'
					 order by tablename""").query(String.class).list())
				.containsExactly("audit_log", "audit_mac_start", "audit_seal", "flyway_schema_history");
			assertThat(app.sql("select count(*) from audit_log").query(Long.class).single()).isNotNull();
			assertThatThrownBy(() -> app.sql("delete from audit_log").update()).rootCause()
				.hasMessageContaining("permission denied for table audit_log");
			assertThatThrownBy(() -> app.sql("alter table audit_log disable trigger all").update()).rootCause()
				.hasMessageContaining("must be owner of table audit_log");
		}
	}

	@Test
	void aMemberOfTheAuditRoleIsRefused() throws Exception {
		DatabaseRoles roles = DatabaseRoles.defaults();
		try (EmbeddedPostgres postgres = EmbeddedDatabaseConfig
			.start(new EmbeddedDatabaseProperties(directory.toString(), 0, false))) {
			roles.create(postgres.getPostgresDatabase(), null);
			JdbcClient.create(postgres.getPostgresDatabase()).sql("grant nexus_audit to nexus_app").update();
			try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
				assertThatThrownBy(() -> new DatabasePrivileges(roles).apply(connection, "flyway_schema_history"))
					.hasMessageContaining("nexus_app is a member of nexus_audit");
			}
		}
	}

	private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource dataSource) {
		return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
	}
}
