package com.nexustime.bootstrap;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * On an empty database: the workspace row and the first administrator. A generated password is printed once;
 * only its hash is kept.
 */
@Component
@Order(0)
class FirstStart implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final AdminProperties admin;

	FirstStart(JdbcClient jdbc, PasswordEncoder passwords, AdminProperties admin) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.admin = admin;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		jdbc.sql("insert into workspace (id, name) values (1, 'Nexus Time') on conflict (id) do nothing").update();
		// one node creates the admin even when several start against the same empty database
		jdbc.sql("select pg_advisory_xact_lock(42)").query(Object.class).single();
		if (jdbc.sql("select count(*) from app_user").query(Long.class).single() > 0) {
			return;
		}
		String email = StringUtils.hasText(admin.email()) ? admin.email().trim() : "admin@localhost";
		boolean generated = !StringUtils.hasText(admin.password());
		String password = generated ? randomPassword() : admin.password();
		Long id = jdbc.sql("insert into app_user (email, name, password_hash) values (?, ?, ?) returning id")
			.params(email, "Administrator", passwords.encode(password)).query(Long.class).single();
		jdbc.sql("insert into user_role (app_user, role) values (?, 'ADMIN'), (?, 'MANAGER'), (?, 'STAFF')")
			.params(id, id, id).update();
		if (generated) {
			log.warn("""

					==============================================================
					  First start: sign in at http://localhost:8080
					    email:    {}
					    password: {}
					  This password is shown only once. Set NEXUS_ADMIN_PASSWORD
					  to choose your own on a fresh database.
					==============================================================""", email, password);
		}
		else {
			log.info("First start: administrator {} created from the configured credentials", email);
		}
	}

	private static String randomPassword() {
		byte[] bytes = new byte[15];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
