package com.nexustime.bootstrap;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * On an empty database: the workspace row, the first administrator and (unless switched off) the demo people.
 * <p>
 * A password the app generated is printed once on the console (standard output, not the log, so it does not
 * end up in log files or log shippers); a password the operator set ({@code NEXUS_ADMIN_PASSWORD},
 * {@code NEXUS_DEMO_PASSWORD}) is never printed. Only hashes are stored.
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

	private final String demoPassword;

	private final int port;

	FirstStart(JdbcClient jdbc, PasswordEncoder passwords, AdminProperties admin, DemoWorkspace demo,
			@Value("${nexus.demo-data:true}") boolean demoData, @Value("${nexus.demo-password:}") String demoPassword,
			@Value("${server.port:8080}") int port) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.admin = admin;
		this.demo = demo;
		this.demoData = demoData;
		this.demoPassword = demoPassword;
		this.port = port;
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
		createPeople(System.out);
	}

	/** Creates the administrator and the demo people, then tells the operator how to sign in. */
	void createPeople(PrintStream console) {
		String email = StringUtils.hasText(admin.email()) ? admin.email().trim() : "admin@localhost";
		String adminPassword = StringUtils.hasText(admin.password()) ? admin.password() : null;
		String generatedAdmin = adminPassword == null ? randomPassword() : null;
		Long id = jdbc.sql("insert into app_user (email, name, password_hash) values (?, ?, ?) returning id")
			.params(email, "Administrator", passwords.encode(adminPassword != null ? adminPassword : generatedAdmin))
			.query(Long.class).single();
		jdbc.sql("insert into user_role (app_user, role) values (?, 'ADMIN'), (?, 'MANAGER'), (?, 'STAFF')")
			.params(id, id, id).update();
		String generatedDemo = null;
		if (demoData) {
			String chosen = StringUtils.hasText(demoPassword) ? demoPassword : null;
			generatedDemo = chosen == null ? randomPassword() : null;
			demo.create(id, chosen != null ? chosen : generatedDemo);
		}
		log.info("First start: administrator {} created{}{}", email,
				generatedAdmin != null ? " with a generated password, printed once on the console" : "",
				demoData ? "; demo workspace created" : "");
		console.println(welcome(email, generatedAdmin, demoData, generatedDemo));
		console.flush();
	}

	/** What the operator reads on the first start; a password appears only where the app generated it. */
	private String welcome(String email, String generatedAdmin, boolean withDemo, String generatedDemo) {
		StringBuilder banner = new StringBuilder()
			.append("==============================================================\n")
			.append("  First start: sign in at http://localhost:").append(port).append("/login\n")
			.append("    admin:    ").append(email).append('\n')
			.append("    password: ")
			.append(generatedAdmin != null ? generatedAdmin : "the one set in NEXUS_ADMIN_PASSWORD (nexus.admin.password)")
			.append('\n');
		if (withDemo) {
			banner.append("  Demo people (manager, two staff, an auditor), all with password ")
				.append(generatedDemo != null ? generatedDemo : "set in NEXUS_DEMO_PASSWORD (nexus.demo-password)")
				.append(":\n")
				.append("    maria.manager@northwind.example  ana.staff@northwind.example\n")
				.append("    ben.staff@northwind.example      audrey.auditor@northwind.example\n");
		}
		if (generatedAdmin != null || generatedDemo != null) {
			banner.append("  Generated passwords are shown only this once; only their hashes are kept.\n");
		}
		return banner.append("==============================================================").toString();
	}

	private static String randomPassword() {
		byte[] bytes = new byte[15];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
