package com.nexustime.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static com.nexustime.reporting.ReportFixture.query;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/reports/time} (JSON) and its drill-down, against the fixture described in {@link ReportFixture}. */
class TimeReportApiTest extends IntegrationTest {

	@Autowired
	PlatformTransactionManager transactions;

	/* One fixture per class for the tests that only read (fewer rows left for the tests that list everything). */
	private static ReportFixture shared;

	private ReportFixture f;

	@BeforeEach
	void fixture() {
		if (shared == null) {
			shared = new ReportFixture(api, admin(), jdbc);
		}
		f = shared;
	}

	private JsonNode report(Api.Client who, String parameters) {
		Api.Response response = who.get("/api/v1/reports/time?" + parameters);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		return response.json();
	}

	/** The rows as "name=hours/amount/entries", in the report's order. */
	private static List<String> rows(JsonNode report) {
		List<String> rows = new ArrayList<>();
		report.get("rows").forEach(r -> rows.add(r.get("name").asText() + "=" + r.get("hours").asText() + "/"
				+ r.get("amount").asText() + "/" + r.get("entries").asText()));
		return rows;
	}

	@Test
	void byProjectOfOneClient() {
		JsonNode report = report(admin(), query("groupBy=project&contactId=" + f.clientA));
		assertThat(rows(report)).containsExactly("Alpha one " + f.unique + "=4.00/440.00/3",
				"Alpha two " + f.unique + "=0.75/50.00/2");
		assertThat(report.get("rows").get(0).get("key").asText()).isEqualTo(f.a1);
		assertThat(report.get("totalHours").asText()).isEqualTo("4.75");
		assertThat(report.get("totalAmount").asText()).isEqualTo("490.00");
		assertThat(report.get("totalEntries").asLong()).isEqualTo(5);
		assertThat(report.get("totalMinutes").asLong()).isEqualTo(285);
		assertThat(report.get("groupBy").asText()).isEqualTo("PROJECT");
		assertThat(report.get("from").asText()).isEqualTo("2019-01-01");
	}

	@Test
	void projectIsTheDefaultGroupingAndTheMonthTheDefaultPeriod() {
		JsonNode report = report(admin(), "contactId=" + f.clientA);
		assertThat(report.get("groupBy").asText()).isEqualTo("PROJECT");
		LocalDate today = LocalDate.now(java.time.ZoneId.of(jdbc.sql("select time_zone from workspace")
			.query(String.class).single()));
		assertThat(report.get("from").asText()).isEqualTo(today.withDayOfMonth(1).toString());
		assertThat(report.get("to").asText()).isEqualTo(today.withDayOfMonth(today.lengthOfMonth()).toString());
		assertThat(report.get("rows")).isEmpty();
		assertThat(report.get("totalAmount").asText()).isEqualTo("0.00");
		assertThat(report.get("totalHours").asText()).isEqualTo("0.00");
	}

	@Test
	void byUserOrderedByAmountThenName() {
		JsonNode report = report(admin(), query("groupBy=user&contactId=" + f.clientA));
		assertThat(rows(report)).containsExactly("Report staff one " + f.unique + "=2.75/260.00/3",
				"Report staff two " + f.unique + "=2.00/240.00/1", "Report manager " + f.unique + "=0.00/-10.00/1");
		assertThat(report.get("rows").get(0).get("key").asText()).isEqualTo(String.valueOf(f.staff1.id()));
		assertThat(report.get("totalAmount").asText()).isEqualTo("490.00");
	}

	@Test
	void byClientOfOnePerson() {
		JsonNode report = report(admin(), query("groupBy=client&userId=" + f.staff2.id()));
		assertThat(rows(report)).containsExactly(f.clientAName + "=2.00/240.00/1", f.clientBName + "=0.33/125.25/2");
		assertThat(report.get("rows").get(1).get("key").asText()).isEqualTo(f.clientB);
		assertThat(report.get("totalHours").asText()).isEqualTo("2.33");
		assertThat(report.get("totalAmount").asText()).isEqualTo("365.25");
	}

	@Test
	void billableFilter() {
		assertThat(rows(report(admin(), query("billable=false&contactId=" + f.clientA))))
			.containsExactly("Alpha one " + f.unique + "=0.50/50.00/1");
		JsonNode billable = report(admin(), query("billable=true&contactId=" + f.clientA));
		assertThat(rows(billable)).containsExactly("Alpha one " + f.unique + "=3.50/390.00/2",
				"Alpha two " + f.unique + "=0.75/50.00/2");
		assertThat(billable.get("totalAmount").asText()).isEqualTo("440.00");
		assertThat(report(admin(), query("billable=&contactId=" + f.clientA)).get("totalAmount").asText())
			.as("an empty billable means all").isEqualTo("490.00");
	}

	@Test
	void rateFiltersIncludeTheirEdgesAndDropEntriesWithoutARate() {
		String client = "&contactId=" + f.clientA;
		assertThat(rows(report(admin(), query("minRate=100" + client))))
			.as("the adjustment has no rate and drops out with the 80.00 entry")
			.containsExactly("Alpha one " + f.unique + "=4.00/440.00/3");
		assertThat(rows(report(admin(), query("minRate=100.01" + client))))
			.containsExactly("Alpha one " + f.unique + "=2.00/240.00/1");
		assertThat(rows(report(admin(), query("maxRate=100.00" + client))))
			.containsExactly("Alpha one " + f.unique + "=2.00/200.00/2", "Alpha two " + f.unique + "=0.75/60.00/1");
		assertThat(rows(report(admin(), query("minRate=80&maxRate=80" + client))))
			.containsExactly("Alpha two " + f.unique + "=0.75/60.00/1");
		JsonNode none = report(admin(), query("maxRate=79.99" + client));
		assertThat(none.get("rows")).isEmpty();
		assertThat(none.get("totalAmount").asText()).isEqualTo("0.00");
		assertThat(rows(report(admin(), query("minRate=150&groupBy=client&userId=" + f.staff2.id()))))
			.as("the fixed cost has no rate").containsExactly(f.clientBName + "=0.33/50.00/1");
	}

	@Test
	void staffSeeOnlyTheirOwnEntries() {
		Api.Client staff = f.staff1.client(api);
		JsonNode byUser = report(staff, query("groupBy=user&contactId=" + f.clientA));
		assertThat(rows(byUser)).containsExactly("Report staff one " + f.unique + "=2.75/260.00/3");
		assertThat(byUser.get("ownEntriesOnly").asBoolean()).isTrue();
		assertThat(rows(report(staff, query("groupBy=project&contactId=" + f.clientA))))
			.containsExactly("Alpha one " + f.unique + "=2.00/200.00/2", "Alpha two " + f.unique + "=0.75/60.00/1");
		assertThat(report(staff, query("userId=" + f.staff2.id())).get("rows"))
			.as("asking for a colleague finds nothing").isEmpty();
		assertThat(report(staff, query("groupBy=client&userId=" + f.staff2.id())).get("totalAmount").asText())
			.isEqualTo("0.00");
		Api.Response entries = staff.get("/api/v1/reports/time/entries?" + query("userId=" + f.staff2.id()));
		assertThat(entries.json().get("entries")).isEmpty();
	}

	@Test
	void managersAndAuditorsSeeEveryone() {
		for (TestUsers.TestUser reader : List.of(f.manager, f.auditor)) {
			JsonNode report = report(reader.client(api), query("groupBy=user&contactId=" + f.clientA));
			assertThat(report.get("rows")).hasSize(3);
			assertThat(report.get("totalAmount").asText()).isEqualTo("490.00");
			assertThat(report.get("ownEntriesOnly").asBoolean()).isFalse();
		}
	}

	@Test
	void eachRowDrillsDownToEntriesThatAddUpToIt() {
		for (String groupBy : List.of("user", "project", "client")) {
			String narrow = groupBy.equals("client") ? "userId=" + f.staff2.id() : "contactId=" + f.clientA;
			JsonNode report = report(admin(), query("groupBy=" + groupBy + "&" + narrow));
			String drill = Map.of("user", "userId", "project", "projectId", "client", "contactId").get(groupBy);
			for (JsonNode row : report.get("rows")) {
				String parameters = query("groupBy=" + groupBy + "&" + narrow + "&" + drill + "=" + row.get("key").asText());
				Api.Response page = admin().get("/api/v1/reports/time/entries?" + parameters);
				assertThat(page.status()).as(page.toString()).isEqualTo(200);
				JsonNode entries = page.json();
				assertThat(entries.get("totalAmount").asText()).as(groupBy + " " + row).isEqualTo(row.get("amount").asText());
				assertThat(entries.get("totalHours").asText()).as(groupBy + " " + row).isEqualTo(row.get("hours").asText());
				assertThat(entries.get("totalEntries").asLong()).isEqualTo(row.get("entries").asLong());
				assertThat(entries.get("entries")).hasSize(row.get("entries").asInt());
				BigDecimal sum = BigDecimal.ZERO;
				for (JsonNode entry : entries.get("entries")) {
					sum = sum.add(new BigDecimal(entry.get("amount").asText()));
				}
				assertThat(sum.setScale(2).toPlainString()).isEqualTo(row.get("amount").asText());
			}
		}
	}

	@Test
	void drillDownListsTheEntriesAndPages() {
		JsonNode entries = admin().get("/api/v1/reports/time/entries?" + query("projectId=" + f.a1 + "&size=2")).json();
		assertThat(entries.get("entries")).hasSize(2);
		assertThat(entries.get("hasMore").asBoolean()).isTrue();
		assertThat(entries.get("totalEntries").asLong()).isEqualTo(3);
		assertThat(entries.get("totalAmount").asText()).as("totals cover every page").isEqualTo("440.00");
		JsonNode first = entries.get("entries").get(0);
		assertThat(first.get("date").asText()).isEqualTo(f.day.toString());
		assertThat(first.get("person").asText()).isEqualTo("Report staff one " + f.unique);
		assertThat(first.get("project").asText()).isEqualTo("Alpha one " + f.unique);
		assertThat(first.get("activity").asText()).isEqualTo("Report design " + f.unique);
		assertThat(first.get("hours").asText()).isEqualTo("1.50");
		assertThat(first.get("rate").asText()).isEqualTo("100.00");
		assertThat(first.get("amount").asText()).isEqualTo("150.00");
		assertThat(first.get("status").asText()).isEqualTo("OPEN");
		JsonNode second = admin().get("/api/v1/reports/time/entries?" + query("projectId=" + f.a1 + "&size=2&page=1")).json();
		assertThat(second.get("entries")).hasSize(1);
		assertThat(second.get("hasMore").asBoolean()).isFalse();
		assertThat(second.get("totalAmount").asText()).isEqualTo("440.00");
	}

	@Test
	void totalsEqualTheSumOfTheEntriesWithMixedFlagsRatesAndPeople() {
		f = new ReportFixture(api, admin(), jdbc); // this test adds entries: its own fixture
		Random random = new Random(42);
		List<String> projects = List.of(f.a1, f.a2, f.b1);
		List<TestUsers.TestUser> people = List.of(f.staff1, f.staff2, f.manager);
		for (int i = 0; i < 40; i++) {
			int minutes = 1 + random.nextInt(600);
			String rate = BigDecimal.valueOf(random.nextInt(20000), 2).toPlainString();
			f.time(people.get(random.nextInt(3)), projects.get(random.nextInt(3)), f.day.plusDays(random.nextInt(3)),
					minutes, rate, random.nextBoolean());
		}
		for (String groupBy : List.of("user", "project", "client")) {
			for (String billable : List.of("", "true", "false")) {
				JsonNode report = report(admin(), query("groupBy=" + groupBy + "&billable=" + billable
						+ "&minRate=10&maxRate=150&userId=" + f.staff2.id()));
				BigDecimal hours = BigDecimal.ZERO;
				BigDecimal amount = BigDecimal.ZERO;
				for (JsonNode row : report.get("rows")) {
					hours = hours.add(new BigDecimal(row.get("hours").asText()));
					amount = amount.add(new BigDecimal(row.get("amount").asText()));
				}
				assertThat(report.get("totalHours").asText()).isEqualTo(hours.setScale(2).toPlainString());
				assertThat(report.get("totalAmount").asText()).isEqualTo(amount.setScale(2).toPlainString());
				Map<String, Object> direct = jdbc.sql("""
						select coalesce(sum(amount), 0) amount, coalesce(sum(minutes), 0) minutes, count(*) n
						  from time_entry
						 where user_id = ? and entry_date between ? and ? and rate between 10 and 150
						   and (? = '' or billable = (? = 'true'))""")
					.params(f.staff2.id(), ReportFixture.YEAR_START, ReportFixture.YEAR_END, billable, billable)
					.query().singleRow();
				assertThat(new BigDecimal(report.get("totalAmount").asText()))
					.isEqualByComparingTo((BigDecimal) direct.get("amount"));
				assertThat(report.get("totalMinutes").asLong()).isEqualTo(((Number) direct.get("minutes")).longValue());
				assertThat(report.get("totalEntries").asLong()).isEqualTo(((Number) direct.get("n")).longValue());
				assertThat(new BigDecimal(report.get("totalHours").asText()))
					.isCloseTo(BigDecimal.valueOf(((Number) direct.get("minutes")).longValue())
						.divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP), org.assertj.core.data.Offset.offset(new BigDecimal("0.05")));
			}
		}
	}

	@Test
	void entriesSavedThroughTheApiAreReported() {
		f = new ReportFixture(api, admin(), jdbc); // this test adds entries: its own fixture
		Api.Response rate = admin().post("/api/v1/rates", Map.of("scope", "PROJECT", "projectId", f.b1,
				"hourlyRate", "90.00"));
		assertThat(rate.status()).as(rate.toString()).isEqualTo(201);
		Api.Response saved = f.staff1.client(api).post("/api/v1/time-entries", Map.of("type", "ACTIVITY", "projectId",
				f.b1, "activityId", f.design, "date", f.day.toString(), "minutes", 40));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
		assertThat(rows(report(admin(), query("groupBy=client&userId=" + f.staff1.id()))))
			.containsExactly(f.clientAName + "=2.75/260.00/3", f.clientBName + "=0.67/60.00/1");
	}

	@Test
	void badParametersAnswer400NamingTheParameter() {
		assertBad("groupBy=week", "groupBy");
		assertBad("from=2019-02-30", "from");
		assertBad("to=yesterday", "to");
		assertBad("to=%2B1000000-01-01", "to");
		assertBad("from=1899-12-31", "from");
		assertBad("from=2019-03-01&to=2019-02-01", "from");
		assertBad("minRate=50&maxRate=40", "minRate");
		assertBad("minRate=abc", "minRate");
		assertBad("maxRate=-1", "maxRate");
		assertBad("billable=maybe", "billable");
		assertBad("projectId=x", "projectId");
		Api.Response csv = api.basic(ADMIN_EMAIL, ADMIN_PASSWORD).get("/api/v1/reports/time.csv?groupBy=week");
		assertThat(csv.status()).isEqualTo(400);
		assertThat(csv.contentType()).startsWith("application/problem+json");
		Api.Response entries = admin().get("/api/v1/reports/time/entries?size=0");
		assertThat(entries.status()).isEqualTo(400);
		assertThat(entries.json().get("errors").get(0).get("field").asText()).isEqualTo("size");
		assertThat(api.anonymous().get("/api/v1/reports/time").status()).isEqualTo(401);
	}

	private void assertBad(String parameters, String field) {
		Api.Response response = admin().get("/api/v1/reports/time?" + parameters);
		assertThat(response.status()).as(parameters + " → " + response).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("errors")).extracting(e -> e.get("field").asText()).contains(field);
		assertThat(response.body()).doesNotContain("Exception");
	}

	@Test
	void aYearOfEntriesIsReadThroughTheReportIndex() {
		ReportFilter filter = new ReportFilter(ReportGrouping.CLIENT, ReportFixture.YEAR_START, ReportFixture.YEAR_END,
				true, new BigDecimal("50"), null, null, null, null);
		com.nexustime.system.security.CurrentUser viewer = new com.nexustime.system.security.CurrentUser(1L, "a", "a",
				"", true, java.util.Set.of(com.nexustime.system.security.Role.ADMIN));
		TimeReports.Query query = TimeReports.reportQuery(filter, viewer);
		TimeReports.Query entries = TimeReports.entriesQuery(filter, viewer, 0, 100);
		List<String> plans = new TransactionTemplate(transactions).execute(status -> {
			jdbc.sql("set local enable_seqscan = off").update();
			return List.of(
					String.join("\n", jdbc.sql("explain " + query.sql()).params(query.parameters()).query(String.class).list()),
					String.join("\n", jdbc.sql("explain " + entries.sql()).params(entries.parameters()).query(String.class).list()));
		});
		assertThat(plans.get(0)).contains("time_entry_report_idx");
		assertThat(plans.get(1)).contains("time_entry_report_idx");
	}

	/*
	 * With the planner free to choose and statistics of ten years of entries (200,000 rows, inserted in date
	 * order as real entries are), a year's report still reads the report index rather than the whole table.
	 * The rows go into a temporary copy of time_entry with the same indexes: ANALYZE writes a table's size
	 * statistics outside the transaction, so doing this on time_entry itself would mislead other tests' plans.
	 * Whole months come from the rollup (ReportRollupTest); this is the path of rate filters and month edges.
	 */
	@Test
	void aYearOutOfTenStaysAnIndexScanWithRealisticStatistics() {
		ReportFilter filter = new ReportFilter(ReportGrouping.CLIENT, LocalDate.of(2015, 1, 1),
				LocalDate.of(2015, 12, 31), null, null, null, null, null, null);
		com.nexustime.system.security.CurrentUser viewer = new com.nexustime.system.security.CurrentUser(1L, "a", "a",
				"", true, java.util.Set.of(com.nexustime.system.security.Role.ADMIN));
		TimeReports.Query query = TimeReports.rawReportQuery(filter, viewer);
		assertThat(query.sql()).contains("from time_entry e");
		String plan = new TransactionTemplate(transactions).execute(status -> {
			jdbc.sql("create temporary table report_sample (like time_entry including defaults including indexes) "
					+ "on commit drop").update();
			jdbc.sql("""
					insert into report_sample (id, type, user_id, project_id, activity_id, entry_date, minutes, rate,
					                           amount, billable)
					select i, 'ACTIVITY', ?, ?, ?, date '2009-01-01' + (i * 3650 / 200000), 60, 100, 100, i % 3 <> 0
					  from generate_series(1, 200000) i""")
				.params(f.staff1.id(), Long.valueOf(f.a1), Long.valueOf(f.design)).update();
			jdbc.sql("analyze report_sample").update();
			String explained = String.join("\n", jdbc.sql("explain " + query.sql().replace("from time_entry e",
					"from report_sample e")).params(query.parameters()).query(String.class).list());
			status.setRollbackOnly();
			return explained;
		});
		assertThat(plan).doesNotContain("Seq Scan on report_sample")
			.containsPattern("(Index Only Scan using|Index Scan using|Bitmap Index Scan on) report_sample_entry_date");
	}
}
