package com.nexustime.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nexustime.support.FormSession;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static com.nexustime.reporting.ReportFixture.query;
import static org.assertj.core.api.Assertions.assertThat;

/** The reports page and its drill-down as a browser gets them. */
class ReportPagesTest extends IntegrationTest {

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

	@Test
	void theFormKeepsTheFiltersAndTheTableShowsRowsAndTotals() {
		FormSession admin = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		FormSession.Page page = admin.get("/reports?" + query("groupBy=project&billable=true&minRate=80&contactId=" + f.clientA));
		assertThat(page.status()).isEqualTo(200);
		String html = page.body();
		assertThat(html).contains("id=\"from\" name=\"from\" value=\"2019-01-01\"");
		assertThat(html).contains("id=\"to\" name=\"to\" value=\"2019-12-31\"");
		assertThat(html).contains("id=\"minRate\" name=\"minRate\" value=\"80\"");
		assertThat(html).containsPattern("<option value=\"true\" selected=\"selected\">Billable only</option>");
		assertThat(html).containsPattern("<option value=\"project\" selected=\"selected\">Project</option>");
		assertThat(html).contains("<option value=\"" + f.clientA + "\" selected=\"selected\">");

		List<String> names = all(html, "class=\"report-drill\">([^<]+)</a>");
		assertThat(names).containsExactly("Alpha one " + f.unique, "Alpha two " + f.unique);
		assertThat(all(html, "report-amount\">([^<]+)<")).containsExactly("390.00", "60.00");
		assertThat(all(html, "report-hours\">([^<]+)<")).containsExactly("3.50", "0.75");
		assertThat(text(html, "report-total-amount")).isEqualTo("450.00");
		assertThat(text(html, "report-total-hours")).isEqualTo("4.25");
		assertThat(text(html, "report-total-entries")).isEqualTo("3");

		String expectedQuery = "groupBy=project&amp;from=2019-01-01&amp;to=2019-12-31&amp;billable=true&amp;minRate=80&amp;contactId="
				+ f.clientA;
		assertThat(html).contains("src=\"/api/v1/reports/time.png?" + expectedQuery + "\"");
		assertThat(html).contains("href=\"/api/v1/reports/time.csv?" + expectedQuery + "\"");
		assertThat(html).contains("href=\"/api/v1/reports/time.png?" + expectedQuery + "\"");
		assertThat(html).contains("download=\"time-report-2019-01-01-2019-12-31.png\"");

		FormSession.Page chart = admin.get("/api/v1/reports/time.png?" + expectedQuery.replace("&amp;", "&"));
		assertThat(chart.status()).as("the page's image loads with the browser session").isEqualTo(200);
	}

	@Test
	void badFiltersShowFieldErrorsAndKeepWhatWasTyped() {
		FormSession admin = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String html = admin.get("/reports?from=2019-05-01&to=2019-04-01&minRate=abc&groupBy=week").body();
		assertThat(html).contains("id=\"minRate\" name=\"minRate\" value=\"abc\"");
		assertThat(html).contains("must be a number like 95.00");
		assertThat(html).contains("must not be after &#39;to&#39;");
		assertThat(html).contains("must be one of user, project, client");
		assertThat(html).contains("id=\"from\" name=\"from\" value=\"2019-05-01\"");
		assertThat(html).doesNotContain("id=\"report-table\"");
	}

	@Test
	void aRowDrillsDownToItsEntriesWhoseTotalEqualsTheRow() {
		FormSession admin = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String html = admin.get("/reports?" + query("groupBy=user&contactId=" + f.clientA)).body();
		assertThat(all(html, "class=\"report-drill\">([^<]+)</a>")).containsExactly("Report staff one " + f.unique,
				"Report staff two " + f.unique, "Report manager " + f.unique);
		List<String> links = all(html, "<a href=\"([^\"]+)\" class=\"report-drill\"");
		List<String> amounts = all(html, "report-amount\">([^<]+)<");
		List<String> hours = all(html, "report-hours\">([^<]+)<");
		List<String> counts = all(html, "report-entries\">([^<]+)<");
		assertThat(links.get(0)).contains("userId=" + f.staff1.id());
		for (int i = 0; i < links.size(); i++) {
			FormSession.Page entries = admin.get(links.get(i).replace("&amp;", "&"));
			assertThat(entries.status()).isEqualTo(200);
			String body = entries.body();
			assertThat(text(body, "entries-total-amount")).isEqualTo(amounts.get(i));
			assertThat(text(body, "entries-total-hours")).isEqualTo(hours.get(i));
			assertThat(text(body, "entries-count")).isEqualTo(counts.get(i));
			assertThat(all(body, "class=\"entry-row\"")).hasSize(Integer.parseInt(counts.get(i)));
		}
		String staffOne = admin.get(links.get(0).replace("&amp;", "&")).body();
		assertThat(all(staffOne, "entry-amount\">([^<]+)<")).containsExactly("150.00", "60.00", "50.00");
		assertThat(staffOne).contains("Alpha one " + f.unique).contains("Report design " + f.unique)
			.contains("Report work " + f.unique).contains("100.00").contains("Open");
		assertThat(staffOne).contains("href=\"/reports?groupBy=user&amp;from=2019-01-01&amp;to=2019-12-31&amp;contactId="
				+ f.clientA + "\"");
	}

	@Test
	void everyoneSignedInHasTheReportsLinkAndStaffSeeTheirOwn() {
		FormSession staff = FormSession.signIn(port, f.staff1.email(), TestUsers.PASSWORD);
		FormSession.Page home = staff.get("/");
		assertThat(home.body()).contains("href=\"/reports\">Reports</a>");
		String html = staff.get("/reports?" + query("groupBy=user&contactId=" + f.clientA)).body();
		assertThat(html).contains("You see your own entries only.");
		assertThat(all(html, "class=\"report-drill\">([^<]+)</a>")).containsExactly("Report staff one " + f.unique);
		assertThat(text(html, "report-total-amount")).isEqualTo("260.00");
		FormSession auditor = FormSession.signIn(port, f.auditor.email(), TestUsers.PASSWORD);
		assertThat(auditor.get("/reports").body()).contains("href=\"/reports\">Reports</a>")
			.contains("id=\"report-table\"");
	}

	@Test
	void theDefaultIsThisMonthByProject() {
		FormSession admin = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String html = admin.get("/reports").body();
		java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of(
				jdbc.sql("select time_zone from workspace").query(String.class).single()));
		assertThat(html).contains("name=\"from\" value=\"" + today.withDayOfMonth(1) + "\"");
		assertThat(html).containsPattern("<option value=\"project\" selected=\"selected\">Project</option>");
	}

	private static List<String> all(String html, String regex) {
		Matcher m = Pattern.compile(regex).matcher(html);
		List<String> found = new ArrayList<>();
		while (m.find()) {
			found.add(m.groupCount() > 0 ? m.group(1) : m.group());
		}
		return found;
	}

	private static String text(String html, String id) {
		Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(html);
		assertThat(m.find()).as("element #" + id).isTrue();
		return m.group(1).trim();
	}
}
