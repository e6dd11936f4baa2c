package com.nexustime.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The connection Flyway migrates with (the embedded server's superuser, or the owner login of an external
 * server): for tests that must do what the application's own connection may not, like tampering with the audit
 * log to prove that verification notices.
 */
public final class DatabaseOwner {

	private DatabaseOwner() {
	}

	public static DataSource dataSource(Flyway flyway) {
		return flyway.getConfiguration().getDataSource();
	}

	/** One query per connection; enough for reads. */
	public static JdbcClient jdbc(Flyway flyway) {
		return JdbcClient.create(dataSource(flyway));
	}

	/** Runs the statements in one transaction on one connection. */
	public static void execute(Flyway flyway, String... statements) {
		try (Connection connection = dataSource(flyway).getConnection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				for (String sql : statements) {
					statement.execute(sql);
				}
				connection.commit();
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("as the database owner: " + ex.getMessage(), ex);
		}
	}
}
