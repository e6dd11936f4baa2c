package com.nexustime.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.nexustime.support.Api;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two clients (one named with a comma and quotes, one whose name starts like a spreadsheet formula), three
 * projects, two staff members, a manager and an auditor, with entries in 2019 — far from every other test's
 * dates. Reports in the tests are narrowed to this fixture's client or people, so other tests' data never counts.
 *
 * <pre>
 * who      project  minutes rate   amount  billable  type
 * staff1   a1        90     100    150.00  yes       ACTIVITY
 * staff1   a1        30     100     50.00  no        ACTIVITY
 * staff1   a2        45      80     60.00  yes       ACTIVITY
 * staff2   a1       120     120    240.00  yes       ACTIVITY
 * manager  a2         -       -    -10.00  yes       ADJUSTMENT
 * staff2   b1        20     150     50.00  yes       ACTIVITY
 * staff2   b1         -       -     75.25  yes       FIXED_COST
 * </pre>
 */
final class ReportFixture {

	static final LocalDate YEAR_START = LocalDate.of(2019, 1, 1);

	static final LocalDate YEAR_END = LocalDate.of(2019, 12, 31);

	private static final AtomicInteger NEXT_DAY = new AtomicInteger();

	final String unique = UUID.randomUUID().toString().substring(0, 8);

	/** This fixture's own day in 2019 (each fixture of a run gets another one). */
	final LocalDate day = YEAR_START.plusDays(7 + (NEXT_DAY.getAndIncrement() * 3L) % 330);

	final Api api;

	final Api.Client admin;

	final JdbcClient jdbc;

	final String clientA;

	final String clientAName;

	final String clientB;

	final String clientBName;

	final String a1;

	final String a2;

	final String b1;

	final String design;

	final String fixedCost;

	final TestUsers.TestUser staff1;

	final TestUsers.TestUser staff2;

	final TestUsers.TestUser manager;

	final TestUsers.TestUser auditor;

	ReportFixture(Api api, Api.Client admin, JdbcClient jdbc) {
		this.api = api;
		this.admin = admin;
		this.jdbc = jdbc;
		clientAName = "Acme, \"Quoted\" " + unique;
		clientBName = "=SUM(1+1) Bravo " + unique;
		clientA = id(admin.post("/api/v1/contacts", Map.of("name", clientAName, "email", "a@example.com")));
		clientB = id(admin.post("/api/v1/contacts", Map.of("name", clientBName, "email", "b@example.com")));
		a1 = project("Alpha one " + unique, clientA);
		a2 = project("Alpha two " + unique, clientA);
		b1 = project("Bravo one " + unique, clientB);
		design = id(admin.post("/api/v1/activities", Map.of("name", "Report design " + unique, "category",
				"DESIGN_CREATIVE", "billable", true)));
		fixedCost = id(admin.post("/api/v1/activities", Map.of("name", "Report vendor " + unique, "category",
				"FIXED_COST", "billable", true)));
		staff1 = TestUsers.create(jdbc, "STAFF");
		staff2 = TestUsers.create(jdbc, "STAFF");
		manager = TestUsers.create(jdbc, "MANAGER", "STAFF");
		auditor = TestUsers.create(jdbc, "AUDITOR");
		jdbc.sql("update app_user set name = ? where id = ?").params("Report staff one " + unique, staff1.id()).update();
		jdbc.sql("update app_user set name = ? where id = ?").params("Report staff two " + unique, staff2.id()).update();
		jdbc.sql("update app_user set name = ? where id = ?").params("Report manager " + unique, manager.id()).update();

		time(staff1, a1, day, 90, "100.00", true);
		time(staff1, a1, day.plusDays(1), 30, "100.00", false);
		time(staff1, a2, day, 45, "80.00", true);
		time(staff2, a1, day.plusDays(2), 120, "120.00", true);
		money(manager, a2, day, "ADJUSTMENT", null, "-10.00");
		time(staff2, b1, day, 20, "150.00", true);
		money(staff2, b1, day.plusDays(1), "FIXED_COST", fixedCost, "75.25");
	}

	String project(String name, String contact) {
		return id(admin.post("/api/v1/projects", Map.of("name", name, "contactId", contact, "type", "STANDARD",
				"billingMode", "HOURLY")));
	}

	/** An ACTIVITY entry with its snapshotted rate and amount, as the tracking service would have stored it. */
	long time(TestUsers.TestUser who, String project, LocalDate date, int minutes, String rate, boolean billable) {
		BigDecimal amount = BigDecimal.valueOf(minutes).multiply(new BigDecimal(rate))
			.divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
		return jdbc.sql("""
				insert into time_entry (type, user_id, project_id, activity_id, entry_date, minutes, rate, rate_source,
				                        amount, billable, description)
				values ('ACTIVITY', ?, ?, ?, ?, ?, ?, 'PROJECT', ?, ?, ?) returning id""")
			.params(who.id(), Long.valueOf(project), Long.valueOf(design), date, minutes, new BigDecimal(rate), amount,
					billable, "Report work " + unique)
			.query(Long.class).single();
	}

	/** A fixed cost or adjustment: an amount without minutes or rate. */
	long money(TestUsers.TestUser who, String project, LocalDate date, String type, String activity, String amount) {
		return jdbc.sql("""
				insert into time_entry (type, user_id, project_id, activity_id, entry_date, amount, billable, notes)
				values (?, ?, ?, ?, ?, ?, true, ?) returning id""")
			.params(type, who.id(), Long.valueOf(project), activity == null ? null : Long.valueOf(activity), date,
					new BigDecimal(amount), type + " " + unique)
			.query(Long.class).single();
	}

	/** The report's query string for the whole of 2019 plus the given parameters. */
	static String query(String more) {
		return "from=" + YEAR_START + "&to=" + YEAR_END + (more.isEmpty() ? "" : "&" + more);
	}

	static String id(Api.Response created) {
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asText();
	}
}
