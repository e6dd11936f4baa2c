package com.nexustime.bootstrap;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class FirstStartTest extends IntegrationTest {

	private static final Pattern ADMIN_PASSWORD_LINE = Pattern.compile("password: (\\S+)\n");

	private static final Pattern DEMO_PASSWORD_LINE = Pattern.compile("all with password (\\S+):\n");

	@Autowired
	DemoWorkspace demo;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	PasswordEncoder passwords;

	/** Every event of every logger, whatever the appenders and levels print. */
	private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

	@BeforeEach
	void listenToTheLog() {
		logged.start();
		root().addAppender(logged);
	}

	@AfterEach
	void stopListening() {
		root().detachAppender(logged);
	}

	@Test
	void generatedPasswordsArePrintedOnceOnTheConsoleAndNeverLogged(CapturedOutput output) {
		String email = "first-" + UUID.randomUUID() + "@test.local";
		transactions.executeWithoutResult(tx -> {
			firstStart(new AdminProperties(email, ""), "").createPeople(System.out);
			String printed = output.getAll();
			String adminPassword = group(ADMIN_PASSWORD_LINE, printed);
			String demoPassword = group(DEMO_PASSWORD_LINE, printed);
			assertThat(passwords.matches(adminPassword, hashOf(email))).as("the printed admin password signs in").isTrue();
			assertThat(passwords.matches(demoPassword, hashOf("ana.staff@northwind.example"))).isTrue();
			assertThat(adminPassword).isNotEqualTo(demoPassword).hasSizeGreaterThanOrEqualTo(20);
			assertThat(occurrences(printed, adminPassword)).isEqualTo(1);
			assertThat(occurrences(printed, demoPassword)).isEqualTo(1);
			assertThat(loggedText()).contains(email).doesNotContain(adminPassword).doesNotContain(demoPassword);
			tx.setRollbackOnly();
		});
	}

	@Test
	void passwordsTheOperatorSetAreNeverPrintedNorLogged(CapturedOutput output) {
		String email = "first-" + UUID.randomUUID() + "@test.local";
		String adminPassword = "configured-admin-" + UUID.randomUUID();
		String demoPassword = "configured-demo-" + UUID.randomUUID();
		transactions.executeWithoutResult(tx -> {
			firstStart(new AdminProperties(email, adminPassword), demoPassword).createPeople(System.out);
			assertThat(passwords.matches(adminPassword, hashOf(email))).isTrue();
			assertThat(passwords.matches(demoPassword, hashOf("maria.manager@northwind.example"))).isTrue();
			tx.setRollbackOnly();
		});
		assertThat(output.getAll()).contains(email).contains("NEXUS_ADMIN_PASSWORD").contains("NEXUS_DEMO_PASSWORD")
			.doesNotContain(adminPassword).doesNotContain(demoPassword);
		assertThat(loggedText()).contains(email).doesNotContain(adminPassword).doesNotContain(demoPassword);
	}

	@Test
	void theConfiguredAdministratorExistsWithTheAdminRole() {
		List<String> roles = jdbc.sql("""
				select r.role from app_user u join user_role r on r.app_user = u.id where u.email = ? order by r.role""")
			.param(ADMIN_EMAIL).query(String.class).list();
		assertThat(roles).contains("ADMIN");
		assertThat(admin().get("/api/v1/workspace").status()).isNotEqualTo(401);
	}

	@Test
	void theDemoWorkspaceHasSomethingOfEveryKind() {
		transactions.executeWithoutResult(tx -> {
			long admin = jdbc.sql("select id from app_user where email = ?").param(ADMIN_EMAIL).query(Long.class).single();
			demo.create(admin, "demo-password-1");

			assertThat(jdbc.sql("select distinct type from project where manager_id is not null and contact_id in "
					+ "(select id from contact where email like '%.example')").query(String.class).list())
				.containsExactlyInAnyOrder("STANDARD", "PER_PIECE", "ELECTRONIC");
			assertThat(jdbc.sql("select count(*) from project where billing_mode = 'INVOICE_BUDGET' and name like 'Initech%'")
				.query(Long.class).single()).isEqualTo(1);
			assertThat(jdbc.sql("select distinct category from activity where name in ('Design', 'Copywriting', "
					+ "'Project management', 'Artwork production', 'Printing', 'Retainer work')").query(String.class).list())
				.containsExactlyInAnyOrder("DESIGN_CREATIVE", "MANAGEMENT", "PER_PIECE", "FIXED_COST", "BUDGET");
			assertThat(jdbc.sql("select count(*) from purchase_order where number = 'PO-4711'").query(Long.class).single())
				.isEqualTo(1);
			assertThat(jdbc.sql("select count(*) from app_user where manager_id = "
					+ "(select id from app_user where email = 'maria.manager@northwind.example')").query(Long.class).single())
				.isEqualTo(2);
			assertThat(jdbc.sql("select count(*) from vendor where name = 'PrintWorks Ltd'").query(Long.class).single())
				.isEqualTo(1);
			tx.setRollbackOnly(); // leave the shared test database as it was
		});
	}

	private FirstStart firstStart(AdminProperties admin, String demoPassword) {
		return new FirstStart(jdbc, passwords, admin, demo, true, demoPassword, port);
	}

	private String hashOf(String email) {
		return jdbc.sql("select password_hash from app_user where email = ?").param(email).query(String.class).single();
	}

	private String loggedText() {
		StringBuilder text = new StringBuilder();
		for (ILoggingEvent event : logged.list) {
			text.append(event.getFormattedMessage()).append('\n');
		}
		return text.toString();
	}

	private static Logger root() {
		return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

	private static String group(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
		return matcher.group(1);
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}
}
