package com.nexustime.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import static com.nexustime.system.DatabaseRoles.quoted;

/**
 * After every Flyway migrate, on Flyway's (privileged) connection: every relation of the schema is owned by
 * the application role, except Flyway's history and the {@link AppendOnlyTables}, which the audit role owns and
 * the application role may only insert into and read. Idempotent; it is also what takes over a database whose
 * tables an earlier version created as {@code postgres}.
 * <p>
 * The application role gets {@code USAGE, CREATE} on the schema but does not own it: a schema's owner may drop
 * any table in it.
 */
@Component
class DatabasePrivileges implements Callback {

	private static final Logger log = LoggerFactory.getLogger(DatabasePrivileges.class);

	private final DatabaseRoles roles;

	DatabasePrivileges(DatabaseRoles roles) {
		this.roles = roles;
	}

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.AFTER_MIGRATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		try {
			apply(context.getConnection(), context.getConfiguration().getTable());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not arrange the database roles' privileges: " + ex.getMessage(), ex);
		}
	}

	@Override
	public String getCallbackName() {
		return "nexus-database-privileges";
	}

	/** Applies ownership and grants in the connection's current schema; {@code historyTable} stays as it is. */
	void apply(Connection connection, String historyTable) throws SQLException {
		String migrator = single(connection, "select current_user");
		String schema = single(connection, "select current_schema()");
		String app = roles.appRole();
		String audit = roles.auditRole();
		if (migrator.equals(app)) {
			log.warn("Flyway runs as the application role {}: it owns every table, so the audit log is not "
					+ "protected from the application. Set spring.flyway.user to the owner role (see README).", app);
			return;
		}
		if (!roleExists(connection, app) || !roleExists(connection, audit)) {
			log.warn("Roles {} and {} are missing: privileges left as they are, the application runs with the "
					+ "rights of its login (see README, 'Use your own PostgreSQL').", app, audit);
			return;
		}
		if (memberOf(connection, app, audit)) {
			throw new IllegalStateException(app + " is a member of " + audit
					+ " and could change the append-only tables; revoke that membership");
		}
		List<String> sql = new ArrayList<>();
		sql.add("grant usage, create on schema " + quoted(schema) + " to " + quoted(app));
		sql.add("grant usage, create on schema " + quoted(schema) + " to " + quoted(audit));
		for (Relation relation : relations(connection, schema)) {
			if (relation.name().equals(historyTable)) {
				continue;
			}
			boolean appendOnly = AppendOnlyTables.NAMES.contains(relation.name());
			String owner = appendOnly ? audit : app;
			String qualified = quoted(schema) + "." + quoted(relation.name());
			if (!relation.owner().equals(owner)) {
				sql.add("alter " + relation.kind() + " " + qualified + " owner to " + quoted(owner));
			}
			if (appendOnly) {
				sql.add("revoke all on table " + qualified + " from public, " + quoted(app));
				sql.add("grant select, insert on table " + qualified + " to " + quoted(app));
				for (String sequence : ownedSequences(connection, schema, relation.name())) {
					String seq = quoted(schema) + "." + quoted(sequence);
					sql.add("revoke all on sequence " + seq + " from public, " + quoted(app));
					sql.add("grant usage on sequence " + seq + " to " + quoted(app));
				}
			}
		}
		try (Statement statement = connection.createStatement()) {
			for (String each : sql) {
				statement.execute(each);
			}
		}
	}

	private record Relation(String name, String kind, String owner) {
	}

	/** Tables, views and free-standing sequences; sequences owned by a column move with their table. */
	private static List<Relation> relations(Connection connection, String schema) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("""
				select c.relname,
				       case c.relkind when 'v' then 'view' when 'm' then 'materialized view' when 'S' then 'sequence'
				                      when 'f' then 'foreign table' else 'table' end,
				       pg_get_userbyid(c.relowner)
				  from pg_class c join pg_namespace n on n.oid = c.relnamespace
				 where n.nspname = ? and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
				   and not exists (select 1 from pg_depend d
				                    where d.classid = 'pg_class'::regclass and d.objid = c.oid
				                      and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i'))
				 order by c.relname""")) {
			query.setString(1, schema);
			List<Relation> relations = new ArrayList<>();
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					relations.add(new Relation(rows.getString(1), rows.getString(2), rows.getString(3)));
				}
			}
			return relations;
		}
	}

	private static List<String> ownedSequences(Connection connection, String schema, String table) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("""
				select s.relname
				  from pg_class s join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass
				  join pg_class t on t.oid = d.refobjid and d.refclassid = 'pg_class'::regclass
				  join pg_namespace n on n.oid = t.relnamespace
				 where s.relkind = 'S' and d.deptype in ('a', 'i') and n.nspname = ? and t.relname = ?""")) {
			query.setString(1, schema);
			query.setString(2, table);
			List<String> names = new ArrayList<>();
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					names.add(rows.getString(1));
				}
			}
			return names;
		}
	}

	private static boolean roleExists(Connection connection, String role) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("select 1 from pg_roles where rolname = ?")) {
			query.setString(1, role);
			try (ResultSet rows = query.executeQuery()) {
				return rows.next();
			}
		}
	}

	private static boolean memberOf(Connection connection, String member, String group) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("select pg_has_role(?, ?, 'MEMBER')")) {
			query.setString(1, member);
			query.setString(2, group);
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getBoolean(1);
			}
		}
	}

	private static String single(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getString(1);
		}
	}
}
