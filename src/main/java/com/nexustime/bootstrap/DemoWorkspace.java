package com.nexustime.bootstrap;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import com.nexustime.tracking.EntryLifecycle;
import com.nexustime.tracking.EntryStatus;

/**
 * A small agency to click through on first start: a manager with two staff, three clients with a project of
 * each type, activities of every category, a purchase order, a vendor, an artwork and a few rates.
 */
@Component
class DemoWorkspace {

	record Login(String email, String role) {
	}

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final EntryLifecycle entries;

	DemoWorkspace(JdbcClient jdbc, PasswordEncoder passwords, EntryLifecycle entries) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.entries = entries;
	}

	/** Creates the demo people and catalog; every demo person gets {@code password}. */
	void create(long adminId, String password) {
		jdbc.sql("""
				update workspace set name = 'Northwind Creative', currency = 'USD', default_rate = 120.00,
				       alert_recipients = 'finance@northwind.example' where id = 1""").update();
		String hash = passwords.encode(password);
		long manager = user("maria.manager@northwind.example", "Maria Manager", hash, null, "MANAGER", "STAFF");
		long ana = user("ana.staff@northwind.example", "Ana Staff", hash, manager, "STAFF");
		long ben = user("ben.staff@northwind.example", "Ben Staff", hash, manager, "STAFF");
		user("audrey.auditor@northwind.example", "Audrey Auditor", hash, null, "AUDITOR");

		long acme = contact("Acme Foods", "procurement@acme.example", "Acme Foods Inc.");
		long globex = contact("Globex", "projects@globex.example", "Globex Corporation");
		long initech = contact("Initech", "marketing@initech.example", "Initech LLC");
		long acmeDeal = jdbc.sql("insert into deal (contact_id, title, stage, amount) values (?, ?, 'WON', ?) returning id")
			.params(acme, "Spring packaging refresh", new BigDecimal("25000.00")).query(Long.class).single();

		long packaging = project("Acme spring packaging", acme, acmeDeal, "PER_PIECE", "HOURLY", "ACME", null, manager);
		long website = project("Globex website relaunch", globex, null, "STANDARD", "HOURLY", null, null, manager);
		long newsletter = project("Initech e-newsletter", initech, null, "ELECTRONIC", "HOURLY", null, null, manager);
		project("Initech brand retainer", initech, null, "STANDARD", "INVOICE_BUDGET", null,
				new BigDecimal("6000.00"), manager);

		jdbc.sql("insert into purchase_order (project_id, number, amount, invoice_group) values (?, ?, ?, ?)")
			.params(website, "PO-4711", new BigDecimal("10000.00"), "Phase 1").update();
		jdbc.sql("insert into artwork (project_id, name, packaging_level, complexity_tier, alteration_count) values (?, ?, ?, ?, ?)")
			.params(packaging, "Cereal box front", "Primary", "Tier 2", 1).update();
		jdbc.sql("insert into vendor (name) values ('PrintWorks Ltd'), ('StockPix')").update();

		long design = activity("Design", "DESIGN_CREATIVE", true, null);
		activity("Copywriting", "DESIGN_CREATIVE", true, null);
		long management = activity("Project management", "MANAGEMENT", true, null);
		activity("Artwork production", "PER_PIECE", true, null);
		activity("Printing", "FIXED_COST", true, null);
		activity("Retainer work", "BUDGET", true, null);
		activity("Acme brand review", "DESIGN_CREATIVE", true, "ACME");
		activity("Internal meeting", "MANAGEMENT", false, null);

		jdbc.sql("insert into rate (scope, hourly_rate) values ('WORKSPACE', 120.00)").update();
		jdbc.sql("insert into rate (scope, user_id, hourly_rate) values ('USER', ?, 95.00)").param(ana).update();
		jdbc.sql("insert into rate (scope, user_id, activity_id, hourly_rate) values ('USER', ?, ?, 110.00)")
			.params(ben, design).update();
		jdbc.sql("insert into rate (scope, project_id, hourly_rate) values ('PROJECT', ?, 150.00)").param(website).update();
		jdbc.sql("insert into rate (scope, project_id, activity_id, hourly_rate, effective_from) values ('PROJECT', ?, ?, 90.00, date '2026-01-01')")
			.params(newsletter, management).update();

		// Globex time to try things on: the week before last finalized (ready to invoice), last week open, and
		// the website's purchase order at 87 % so that one more day of work raises the budget alert
		LocalDate thisWeek = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate weekBeforeLast = thisWeek.minusWeeks(2);
		LocalDate lastWeek = thisWeek.minusWeeks(1);
		for (int day = 0; day < 5; day++) {
			websiteTime(website, ana, design, weekBeforeLast.plusDays(day), 6, "Page layouts and style guide", EntryStatus.FINALIZED);
		}
		for (int day = 0; day < 4; day++) {
			websiteTime(website, ben, design, lastWeek.plusDays(day), 6, "Product pages", EntryStatus.OPEN);
		}
		websiteTime(website, ana, management, lastWeek, 2, "Review with Globex", EntryStatus.OPEN);
		websiteTime(website, ana, management, lastWeek.plusDays(2), 2, "Launch planning", EntryStatus.OPEN);
	}

	/** Hours on the Globex website at its project rate of 150.00, in the given state. */
	private void websiteTime(long website, long userId, long activityId, LocalDate date, int hours, String description,
			EntryStatus status) {
		BigDecimal rate = new BigDecimal("150.00");
		entries.recordDemo(new EntryLifecycle.DemoEntry(userId, website, activityId, date, hours * 60, rate, "PROJECT",
				rate.multiply(BigDecimal.valueOf(hours)), description, status));
	}

	private long user(String email, String name, String hash, Long managerId, String... roles) {
		long id = jdbc.sql("insert into app_user (email, name, password_hash, manager_id) values (?, ?, ?, ?) returning id")
			.params(email, name, hash, managerId).query(Long.class).single();
		for (String role : roles) {
			jdbc.sql("insert into user_role (app_user, role) values (?, ?)").params(id, role).update();
		}
		return id;
	}

	private long contact(String name, String email, String company) {
		return jdbc.sql("insert into contact (name, email, company) values (?, ?, ?) returning id")
			.params(name, email, company).query(Long.class).single();
	}

	private long project(String name, long contactId, Long dealId, String type, String billingMode, String corporation,
			BigDecimal budget, long managerId) {
		return jdbc.sql("""
				insert into project (name, contact_id, deal_id, type, billing_mode, corporation, budget_amount, manager_id)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(name, contactId, dealId, type, billingMode, corporation, budget, managerId)
			.query(Long.class).single();
	}

	private long activity(String name, String category, boolean billable, String corporation) {
		return jdbc.sql("insert into activity (name, category, billable, corporation) values (?, ?, ?, ?) returning id")
			.params(name, category, billable, corporation).query(Long.class).single();
	}
}
