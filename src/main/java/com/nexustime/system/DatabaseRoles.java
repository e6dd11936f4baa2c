package com.nexustime.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The database roles the privilege step arranges: the application connects as {@code appRole} (not a superuser,
 * owner of the application's tables); {@code auditRole} (no login) owns the append-only tables.
 */
@ConfigurationProperties("nexus.database")
public record DatabaseRoles(String appRole, String auditRole) {

	private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	public DatabaseRoles {
		appRole = plain(appRole, "nexus_app", "app-role");
		auditRole = plain(auditRole, "nexus_audit", "audit-role");
		if (appRole.equals(auditRole)) {
			throw new IllegalArgumentException("nexus.database.app-role and audit-role must differ");
		}
	}

	public static DatabaseRoles defaults() {
		return new DatabaseRoles(null, null);
	}

	/**
	 * Creates both roles if missing and (again at every call) strips the application role of every power beyond
	 * its own tables. Needs a superuser (or a role with CREATEROLE); the embedded server does this at each start.
	 *
	 * @param password the application role's password, or null to leave it as it is (the embedded server trusts
	 *                 local connections)
	 */
	public void create(DataSource superuser, String password) throws SQLException {
		String app = quoted(appRole);
		String audit = quoted(auditRole);
		try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement()) {
			for (String role : List.of(appRole, auditRole)) {
				try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_roles where rolname = ?")) {
					exists.setString(1, role);
					try (ResultSet rows = exists.executeQuery()) {
						if (!rows.next()) {
							statement.execute("create role " + quoted(role));
						}
					}
				}
			}
			statement.execute("alter role " + app + " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls");
			statement.execute("alter role " + audit + " nologin nosuperuser nocreatedb nocreaterole noreplication nobypassrls");
			if (password != null) {
				try (PreparedStatement literal = connection.prepareStatement("select quote_literal(?)")) {
					literal.setString(1, password);
					try (ResultSet rows = literal.executeQuery()) {
						rows.next();
						statement.execute("alter role " + app + " password " + rows.getString(1));
					}
				}
			}
			// the app needs its schema even before Flyway's privilege step has run
			statement.execute("grant usage, create on schema public to " + app);
		}
	}

	private static String plain(String name, String fallback, String property) {
		if (name == null || name.isBlank()) {
			return fallback;
		}
		if (!PLAIN_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException(
					"nexus.database." + property + " must be a plain lower-case SQL name, not " + name);
		}
		return name;
	}

	/** The name as an SQL identifier. */
	static String quoted(String name) {
		return '"' + name.replace("\"", "\"\"") + '"';
	}
}
