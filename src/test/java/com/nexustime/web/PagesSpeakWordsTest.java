package com.nexustime.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

import com.nexustime.support.Api;
import com.nexustime.support.FormSession;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main pages, rendered for an admin, a manager and a staff member, show words where the data holds codes: no
 * visible text is a code such as {@code PER_PIECE} or {@code IN_PROCESS}, and no text node is just a one-word
 * code such as {@code ACTIVE} or {@code DRAFT}. (A one-word code inside longer text, such as a project someone
 * named "STANDARD 42", is a name, not a code.) Option values and links keep the codes; they are not visible text.
 */
class PagesSpeakWordsTest extends IntegrationTest {

	/** A code with an underscore anywhere in visible text. */
	static final Pattern COMPOUND_CODE = Pattern.compile("\\b[A-Z]{2,}_[A-Z_]+\\b");

	/** One-word codes the pages used to show raw, when they are a whole text node (a badge, a cell, a label). */
	static final Pattern WORD_CODE = Pattern.compile("ACTIVE|OPEN|CLOSED|OBSOLETE|STANDARD|ELECTRONIC|HOURLY"
			+ "|MANAGEMENT|BUDGET|ACTIVITY|ADJUSTMENT|FINALIZED|BILLED|SUBMITTED|APPROVED|REJECTED|DRAFT|SENT|PAID|VOID"
			+ "|DECLINED|CANCELLED|EXPIRED|VIEWED|DELIVERED|RESENT|WAITING|PENDING|FAILED|WON|LOST|STAFF|MANAGER|ADMIN"
			+ "|AUDITOR|WORKSPACE|CLIENT|USER|PROJECT|TASK|DAY|MONDAY|SUNDAY");

	/** A one-word code named in brackets inside a label, such as "Person (USER rates)". */
	static final Pattern BRACKETED_CODE = Pattern.compile("\\((?:" + WORD_CODE.pattern() + ")\\b");

	/** The process engine's names for kinds of step (userTask, serviceTask, exclusiveGateway and the like). */
	static final Pattern STEP_TYPE = Pattern.compile("\\b[a-z]+(?:Task|Event|Gateway|Activity|Process|Timer)\\b");

	/** Not visible text, or literal names to be typed as they are (a setting such as SMTP_HOST in {@code <code>}). */
	private static final Pattern HIDDEN = Pattern.compile("(?is)<head\\b.*?</head>|<script\\b.*?</script>"
			+ "|<style\\b.*?</style>|<template\\b.*?</template>|<code\\b.*?</code>|<!--.*?-->");

	private static final Pattern TAG = Pattern.compile("<[^>]*>");

	/** Recent weeks, since the Time entries page lists the last 30 days: the submitted one and the one before. */
	private static final LocalDate WEEK = LocalDate.now().minusDays(10)
		.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));

	private static final LocalDate SENT_DAY = WEEK.minusWeeks(1);

	/** The Saturday before {@link #WEEK}: outside the approval's Monday-to-Thursday, on an invoice. */
	private static final LocalDate BILLED_DAY = WEEK.minusDays(2);

	@Test
	void theVisibleTextHasNoCodes() {
		World w = new World();
		FormSession admin = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		FormSession manager = FormSession.signIn(port, w.manager.email(), TestUsers.PASSWORD);
		FormSession staff = FormSession.signIn(port, w.staff.email(), TestUsers.PASSWORD);

		List<String> found = new ArrayList<>();
		for (String path : List.of("/", "/projects?contactId=" + w.contact, "/projects/" + w.project,
				"/projects/" + w.project + "/time", "/projects/" + w.project + "/edit", "/projects/new", "/activities",
				"/activities/new", "/time", "/invoices", "/invoices/" + w.invoice, "/invoices/new", "/approvals",
				"/approvals/" + w.approval, "/approvals/new", "/reports",
				"/reports/entries?from=" + SENT_DAY + "&to=" + WEEK.plusDays(6) + "&contactId=" + w.contact, "/reports/utilization",
				"/users", "/users/new", "/users/" + w.staff.id() + "/edit", "/rates", "/deals?contactId=" + w.contact,
				"/deals/new", "/contacts/" + w.contact, "/admin/outbox", "/settings/workspace", "/artwork-prices")) {
			found.addAll(codesOn(admin, "admin", path));
		}
		for (String path : List.of("/", "/projects?contactId=" + w.contact, "/projects/" + w.project, "/time",
				"/approvals", "/approvals/" + w.approval, "/invoices", "/tasks", "/tasks/" + w.reviewTask,
				"/reports")) {
			found.addAll(codesOn(manager, "manager", path));
		}
		for (String path : List.of("/", "/time", "/timesheet?week=" + WEEK, "/projects/" + w.project, "/reports",
				"/approvals")) {
			found.addAll(codesOn(staff, "staff", path));
		}
		assertThat(found).as("codes shown as text").isEmpty();
	}

	@Test
	void theScanFindsCodesInVisibleTextOnly() {
		String page = "<html><head><title>PER_PIECE</title></head><body><td>IN_PROCESS</td>"
				+ "<option value=\"ACTIVE\">Active</option><span class=\"badge\">DRAFT</span>"
				+ "<td>STANDARD 42</td><code>SMTP_HOST</code><script>const s = 'OPEN';</script>"
				+ "<label>Person (USER rates)</label><td>serviceTask</td><td>Task for a person</td></body></html>";
		assertThat(codesIn(page)).containsExactly("IN_PROCESS", "DRAFT", "(USER", "serviceTask");
	}

	@Test
	void theProjectPagesShowTheIssuesExamplesInWords() {
		World w = new World();
		String detail = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD).get("/projects/" + w.project).body();
		assertThat(detail).contains(">Per piece<").contains(">Invoice budget<").contains(">Active<");
		String activities = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD).get("/activities").body();
		assertThat(HtmlUtils.htmlUnescape(activities)).contains(">Design / creative<");
		String time = FormSession.signIn(port, w.staff.email(), TestUsers.PASSWORD).get("/time").body();
		assertThat(time).contains(">In process<").contains(">Open<");
	}

	@Test
	void ratesArtworkPricesAndReviewStepsSpeakWords() {
		World w = new World();
		Api.Response price = admin().post("/api/v1/artwork-prices", Map.of("scope", "CLIENT", "contactId", w.contact,
				"item", "ALTERATION", "price", "12.00"));
		assertThat(price.status()).as(price.toString()).isEqualTo(201);
		FormSession admin = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String prices = HtmlUtils.htmlUnescape(admin.get("/artwork-prices").body());
		assertThat(prices).contains(">Client</span>").contains(">Workspace</option>").contains(">Client</option>")
			.doesNotContain("CLIENT prices");
		assertThat(codesIn(prices)).isEmpty();
		String rates = HtmlUtils.htmlUnescape(admin.get("/rates").body());
		assertThat(rates).doesNotContain("USER rates").doesNotContain("PROJECT rates");
		assertThat(codesIn(rates)).isEmpty();
		String week = HtmlUtils.htmlUnescape(admin.get("/audit/weeks/" + w.staff.id() + "/" + WEEK).body());
		// the review steps; the entry changes further down show stored values as recorded, which is evidence
		String steps = week.substring(week.indexOf("id=\"review-steps\""), week.indexOf("id=\"entry-records\""));
		assertThat(steps).contains(">Task for a person<").doesNotContain("userTask").doesNotContain("serviceTask");
		assertThat(codesIn(steps)).isEmpty();
	}

	private List<String> codesOn(FormSession session, String who, String path) {
		FormSession.Page page = session.get(path);
		assertThat(page.status()).as("%s GET %s", who, path).isEqualTo(200);
		return codesIn(page.body()).stream().map(code -> who + " " + path + ": " + code).toList();
	}

	static List<String> codesIn(String html) {
		String visible = HIDDEN.matcher(html).replaceAll(" ");
		List<String> codes = new ArrayList<>();
		for (String node : TAG.split(visible)) {
			String text = HtmlUtils.htmlUnescape(node).strip();
			if (text.isEmpty()) {
				continue;
			}
			Matcher compound = COMPOUND_CODE.matcher(text);
			while (compound.find()) {
				codes.add(compound.group());
			}
			if (WORD_CODE.matcher(text).matches()) {
				codes.add(text);
			}
			for (Pattern inText : List.of(BRACKETED_CODE, STEP_TYPE)) {
				Matcher found = inText.matcher(text);
				while (found.find()) {
					codes.add(found.group());
				}
			}
		}
		return codes;
	}

	/**
	 * A per-piece, invoice-budget project of one client with a staff member and their manager: an open entry, one
	 * in a client approval waiting for the client, a finalized one on a draft invoice, a submitted week waiting for
	 * review, an open deal and a person's rate.
	 */
	private final class World {

		final String unique = UUID.randomUUID().toString().substring(0, 8);

		final TestUsers.TestUser manager = TestUsers.create(jdbc, "MANAGER", "STAFF");

		final TestUsers.TestUser staff = TestUsers.create(jdbc, "STAFF");

		final long contact;

		final String project;

		final String approval;

		final String invoice;

		final String reviewTask;

		World() {
			jdbc.sql("update app_user set manager_id = ? where id = ?").params(manager.id(), staff.id()).update();
			contact = jdbc.sql("insert into contact (name, email) values (?, 'words@example.com') returning id")
				.param("Words client " + unique).query(Long.class).single();
			Api.Response created = admin().post("/api/v1/projects", Map.of("name", "Words project " + unique,
					"contactId", String.valueOf(contact), "type", "PER_PIECE", "billingMode", "INVOICE_BUDGET",
					"budgetAmount", "5000"));
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
			project = created.json().get("id").asText();
			long activity = jdbc.sql("insert into activity (name, category) values (?, 'DESIGN_CREATIVE') returning id")
				.param("Words design " + unique).query(Long.class).single();
			Api.Response deal = admin().post("/api/v1/deals", Map.of("contactId", String.valueOf(contact),
					"title", "Words deal " + unique));
			assertThat(deal.status()).as(deal.toString()).isEqualTo(201);
			Api.Response rate = admin().post("/api/v1/rates", Map.of("scope", "USER", "userId", staff.id(),
					"hourlyRate", "95.00", "effectiveFrom", "2020-01-01"));
			assertThat(rate.status()).as(rate.toString()).isEqualTo(201);

			// the sent approval needs hourly time: a retainer's time is not signed by the hour (invoicing.drl)
			Api.Response hourly = admin().post("/api/v1/projects", Map.of("name", "Words hourly " + unique,
					"contactId", String.valueOf(contact), "type", "STANDARD", "billingMode", "HOURLY"));
			assertThat(hourly.status()).as(hourly.toString()).isEqualTo(201);
			for (LocalDate day : List.of(WEEK, SENT_DAY)) {
				Api.Response entry = staff.client(api).post("/api/v1/time-entries", Map.of("type", "ACTIVITY",
						"projectId", day.equals(SENT_DAY) ? hourly.json().get("id").asText() : project,
						"activityId", activity, "date", day.toString(), "minutes", 240));
				assertThat(entry.status()).as(entry.toString()).isEqualTo(201);
			}
			Api.Response sent = manager.client(api).post("/api/v1/approvals", Map.of("contactId",
					String.valueOf(contact), "from", SENT_DAY.toString(), "to", SENT_DAY.plusDays(3).toString(),
					"grouping", "TASK"));
			assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
			approval = sent.json().get("id").asText();

			jdbc.sql("""
					insert into time_entry (type, user_id, project_id, activity_id, entry_date, minutes, rate, amount,
					                        description, status)
					values ('ACTIVITY', ?, ?, ?, ?, 60, ?, ?, 'Billed work', 'FINALIZED')""")
				.params(staff.id(), Long.valueOf(project), activity, BILLED_DAY, new BigDecimal("90.00"),
						new BigDecimal("90.00"))
				.update();
			Api.Response invoiced = admin().post("/api/v1/invoices/from-time", Map.of("contactId",
					String.valueOf(contact), "from", BILLED_DAY.toString(), "to", BILLED_DAY.toString()));
			assertThat(invoiced.status()).as(invoiced.toString()).isEqualTo(201);
			invoice = invoiced.json().get("id").asText();

			Api.Response submitted = staff.client(api).post("/api/v1/timesheets/" + WEEK + "/submit", Map.of());
			assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
			reviewTask = context.getBean(TaskService.class).createTaskQuery()
				.processInstanceId(submitted.json().get("processInstanceId").asText()).singleResult().getId();
		}
	}
}
