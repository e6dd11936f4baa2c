package com.nexustime.system;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.NestedExceptionUtils;

import com.nexustime.audit.AuditLog;
import com.nexustime.support.DatabaseOwner;
import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The application's own connection is not a superuser and can only append to and read the audit log, whatever
 * SQL it is made to run (a diagram expression once ran SQL on it).
 */
class DatabaseRolesTest extends IntegrationTest {

	private static final String INSUFFICIENT_PRIVILEGE = "42501";

	@Autowired
	AuditLog auditLog;

	@Autowired
	Flyway flyway;

	@Autowired
	DatabaseRoles roles;

	@BeforeEach
	void onlyWhereTheRolesAreArranged() {
		// an external test server may run everything as one login; there the arrangement cannot hold
		assumeThat(System.getenv("NEXUS_TEST_DATABASE_URL") == null || currentUser().equals(roles.appRole()))
			.as("the app connects as %s", roles.appRole()).isTrue();
	}

	@Test
	void theAppConnectsAsItsOwnRoleWithoutPowersOverTheServer() {
		assertThat(currentUser()).isEqualTo(roles.appRole());
		Map<String, Object> role = jdbc.sql("""
				select rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, rolreplication
				  from pg_roles where rolname = current_user""").query().singleRow();
		assertThat(role).containsOnly(Map.entry("rolsuper", false), Map.entry("rolcreaterole", false),
				Map.entry("rolcreatedb", false), Map.entry("rolbypassrls", false), Map.entry("rolreplication", false));
		assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class).single())
			.isFalse();
	}

	@Test
	void theAppCanAppendToAndReadTheAuditLog() {
		String entityId = UUID.randomUUID().toString();
		auditLog.recordAs("system", "CREATE", "RoleProbe", entityId, null, Map.of("n", 1));
		assertThat(jdbc.sql("select actor from audit_log where entity_type = 'RoleProbe' and entity_id = ?")
			.param(entityId).query(String.class).single()).isEqualTo("system");
	}

	@Test
	void theAppCannotChangeRemoveOrUnprotectTheAuditLog() {
		long id = someAuditRecord();
		for (String sql : List.of(
				"update audit_log set actor = 'mallory' where id = " + id,
				"delete from audit_log where id = " + id,
				"truncate audit_log",
				"alter table audit_log disable trigger all",
				"alter table audit_log disable trigger audit_log_no_update",
				"drop trigger audit_log_no_update on audit_log",
				"create trigger audit_log_sneak before insert on audit_log for each row execute function audit_log_is_append_only()",
				"drop table audit_log",
				"alter table audit_log rename to audit_log_old",
				"alter table audit_log owner to current_user",
				"create or replace function audit_log_is_append_only() returns trigger language plpgsql as 'begin return new; end'",
				"select * from audit_log where id = " + id + " for update",
				"grant " + roles.auditRole() + " to current_user")) {
			assertThat(sqlState(catchThrowable(() -> jdbc.sql(sql).update())))
				.as("the app's connection must be refused: %s", sql)
				.isEqualTo(INSUFFICIENT_PRIVILEGE);
		}
		assertThat(jdbc.sql("select actor from audit_log where id = ?").param(id).query(String.class).single())
			.isEqualTo("system");
	}

	@Test
	void theAppCannotGrantItselfMoreOnTheAuditLog() {
		long id = someAuditRecord();
		// a role without grant options gets a warning, not an error, and nothing is granted
		jdbc.sql("grant all on audit_log to current_user").update();
		jdbc.sql("grant update, delete, truncate, trigger on audit_log to public").update();
		assertThat(jdbc.sql("""
				select has_table_privilege('audit_log', 'UPDATE') or has_table_privilege('audit_log', 'DELETE')
				    or has_table_privilege('audit_log', 'TRUNCATE') or has_table_privilege('audit_log', 'TRIGGER')""")
			.query(Boolean.class).single()).isFalse();
		assertThat(sqlState(catchThrowable(
				() -> jdbc.sql("update audit_log set actor = 'mallory' where id = ?").param(id).update())))
			.isEqualTo(INSUFFICIENT_PRIVILEGE);
	}

	@Test
	void everyAppendOnlyTableAllowsTheAppInsertAndSelectOnly() {
		List<String> present = AppendOnlyTables.NAMES.stream()
			.filter(table -> jdbc.sql("select to_regclass(?) is not null").param(table).query(Boolean.class).single())
			.toList();
		assertThat(present).contains("audit_log");
		for (String table : present) {
			Map<String, Object> rights = jdbc.sql("""
					select pg_get_userbyid(c.relowner) as owner,
					       pg_has_role(current_user, c.relowner, 'MEMBER') as member_of_owner,
					       has_table_privilege(c.oid, 'INSERT') as can_insert,
					       has_table_privilege(c.oid, 'SELECT') as can_select,
					       has_table_privilege(c.oid, 'UPDATE') or has_table_privilege(c.oid, 'DELETE')
					           or has_table_privilege(c.oid, 'TRUNCATE') or has_table_privilege(c.oid, 'TRIGGER')
					           or has_table_privilege(c.oid, 'REFERENCES') as more
					  from pg_class c where c.oid = to_regclass(?)""").param(table).query().singleRow();
			assertThat(rights).as(table).containsOnly(Map.entry("owner", roles.auditRole()),
					Map.entry("member_of_owner", false), Map.entry("can_insert", true), Map.entry("can_select", true),
					Map.entry("more", false));
		}
	}

	@Test
	void theAppOwnsEveryOtherTableButNotTheSchema() {
		List<String> notOwned = jdbc.sql("""
				select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				 where n.nspname = current_schema() and c.relkind in ('r', 'p', 'v', 'm')
				   and pg_get_userbyid(c.relowner) <> current_user""").query(String.class).list();
		List<String> expected = new java.util.ArrayList<>(AppendOnlyTables.NAMES.stream().filter(notOwned::contains).toList());
		expected.add(flyway.getConfiguration().getTable()); // Flyway's history stays with the migrating role
		assertThat(notOwned).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(notOwned).contains("audit_log").doesNotContain("app_user", "act_ru_task", "time_entry");
		assertThat(jdbc.sql("select pg_has_role(current_user, nspowner, 'MEMBER') from pg_namespace "
				+ "where nspname = current_schema()").query(Boolean.class).single()).as("owns the schema").isFalse();
		assertThat(jdbc.sql("select has_schema_privilege(current_schema(), 'CREATE')").query(Boolean.class).single())
			.as("may create tables (the engine's at start-up)").isTrue();
	}

	@Test
	void thePrivilegeStepCanRunAgainWithoutChangingAnything() throws SQLException {
		try (var connection = DatabaseOwner.dataSource(flyway).getConnection()) {
			new DatabasePrivileges(roles).apply(connection, flyway.getConfiguration().getTable());
		}
		theAppCannotChangeRemoveOrUnprotectTheAuditLog();
		theAppCanAppendToAndReadTheAuditLog();
	}

	private long someAuditRecord() {
		String entityId = UUID.randomUUID().toString();
		auditLog.recordAs("system", "CREATE", "RoleProbe", entityId, null, Map.of("n", 1));
		return jdbc.sql("select id from audit_log where entity_type = 'RoleProbe' and entity_id = ?").param(entityId)
			.query(Long.class).single();
	}

	private String currentUser() {
		return jdbc.sql("select current_user").query(String.class).single();
	}

	private static String sqlState(Throwable thrown) {
		assertThat(thrown).as("refused").isNotNull();
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(thrown);
		assertThat(cause).as(thrown.toString()).isInstanceOf(SQLException.class);
		return ((SQLException) cause).getSQLState();
	}
}
