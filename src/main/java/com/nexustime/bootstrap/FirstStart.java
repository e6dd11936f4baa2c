package com.nexustime.bootstrap;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.annotation.Value;
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

	private final DemoWorkspace demo;

	private final boolean demoData;

	private final int port;

	FirstStart(JdbcClient jdbc, PasswordEncoder passwords, AdminProperties admin, DemoWorkspace demo,
			@Value("${nexus.demo-data:true}") boolean demoData, @Value("${server.port:8080}") int port) {
		this.port = port;
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.admin = admin;
		this.demo = demo;
		this.demoData = demoData;
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
		String demoPassword = null;
		if (demoData) {
			demoPassword = randomPassword();
			demo.create(id, demoPassword);
		}
		StringBuilder banner = new StringBuilder()
			.append("\n==============================================================\n")
			.append("  First start: sign in at http://localhost:").append(port).append("/login\n")
			.append("    admin:    ").append(email).append('\n')
			.append("    password: ").append(generated ? password : "(the one set in NEXUS_ADMIN_PASSWORD)").append('\n');
		if (demoPassword != null) {
			banner.append("  Demo people (manager, two staff, an auditor), all with password ").append(demoPassword).append(":\n")
				.append("    maria.manager@northwind.example  ana.staff@northwind.example\n")
				.append("    ben.staff@northwind.example      audrey.auditor@northwind.example\n");
		}
		banner.append("  Passwords are shown only this once; only their hashes are kept.\n")
			.append("==============================================================");
		log.warn(banner.toString());
	}

	private static String randomPassword() {
		byte[] bytes = new byte[15];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
