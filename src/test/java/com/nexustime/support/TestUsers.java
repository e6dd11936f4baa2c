package com.nexustime.support;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** People for tests, written straight to the database with a bcrypt hash of {@link #PASSWORD}. */
public final class TestUsers {

	public static final String PASSWORD = "test-password-1";

	/** bcrypt (cost 4) of {@link #PASSWORD}, precomputed so that tests stay fast. */
	private static final String HASH = "{bcrypt}" + org.springframework.security.crypto.bcrypt.BCrypt.hashpw(PASSWORD,
			org.springframework.security.crypto.bcrypt.BCrypt.gensalt(4));

	private TestUsers() {
	}

	public record TestUser(long id, String email) {

		public Api.Client client(Api api) {
			return api.basic(email, PASSWORD);
		}
	}

	/** A new person with a unique email and the given roles (e.g. "STAFF", "MANAGER"). */
	public static TestUser create(JdbcClient jdbc, String... roles) {
		String email = "user-" + UUID.randomUUID().toString().substring(0, 8) + "@test.local";
		long id = jdbc.sql("insert into app_user (email, name, password_hash) values (?, ?, ?) returning id")
			.params(email, "Test " + email.substring(5, 13), HASH).query(Long.class).single();
		for (String role : roles) {
			jdbc.sql("insert into user_role (app_user, role) values (?, ?)").params(id, role).update();
		}
		return new TestUser(id, email);
	}
}
