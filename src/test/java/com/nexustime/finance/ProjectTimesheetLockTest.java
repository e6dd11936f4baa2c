package com.nexustime.finance;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nexustime.approval.ApprovalFixture;
import com.nexustime.approval.ClientApprovalService;
import com.nexustime.support.Api;
import com.nexustime.support.FormSession;
import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Time tab offers an edit exactly where the API allows one: it asks the week-locking rules the API's own
 * question, so entries a client approval holds (waiting for the client, or signed) show no edit link, for an
 * admin too, and the API refuses to change them.
 */
class ProjectTimesheetLockTest extends IntegrationTest {

	private static final LocalDate SIGNED_WEEK = LocalDate.of(2025, 3, 3);

	private static final LocalDate PENDING_WEEK = LocalDate.of(2025, 3, 10);

	private static final LocalDate OPEN_WEEK = LocalDate.of(2025, 3, 17);

	private FinanceFixture f;

	private String project;

	@BeforeEach
	void fixture() {
		f = new FinanceFixture(api, admin(), jdbc);
		project = f.project("STANDARD", "HOURLY");
	}

	@Test
	void entriesAClientApprovalHoldsShowNoEditLinkAndTheApiRefusesThem() {
		String signedCost = f.fixedCost(project, SIGNED_WEEK, "30.00");
		String signedTime = f.time(project, f.design, SIGNED_WEEK, 2);
		JsonNode signed = send(SIGNED_WEEK);
		String token = ApprovalFixture.token(ApprovalFixture.mailedLink(context, signed.get("id").asLong()));
		assertThat(context.getBean(ClientApprovalService.class).approve(token, "Dana Client", "198.51.100.7",
				"Test/1.0")).isTrue();
		assertThat(f.statusOf(signedCost)).isEqualTo("FINALIZED");

		String pendingCost = f.fixedCost(project, PENDING_WEEK, "40.00");
		String pendingTime = f.time(project, f.design, PENDING_WEEK, 1);
		send(PENDING_WEEK);
		assertThat(f.statusOf(pendingCost)).isEqualTo("IN_PROCESS");

		String openCost = f.fixedCost(project, OPEN_WEEK, "50.00");
		f.time(project, f.design, OPEN_WEEK, 3);

		FormSession admin = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String costs = admin.get("/projects/" + project + "/time?tab=fixed-costs").body();
		assertThat(row(costs, "30.00</td>")).contains("Finalized").doesNotContain("/time/entries/" + signedCost);
		assertThat(row(costs, "40.00</td>")).contains("In process").doesNotContain("/time/entries/" + pendingCost);
		assertThat(row(costs, "50.00</td>")).contains("/projects/" + project + "/time/entries/" + openCost);

		String regular = admin.get("/projects/" + project + "/time").body();
		assertThat(row(regular, SIGNED_WEEK + "</td>")).doesNotContain("/timesheet?week=");
		assertThat(row(regular, PENDING_WEEK + "</td>")).doesNotContain("/timesheet?week=");
		assertThat(row(regular, OPEN_WEEK + "</td>")).contains("/timesheet?week=" + OPEN_WEEK);

		// and the API refuses what the tab does not offer, for the admin as for everyone
		for (String cost : new String[] { signedCost, pendingCost }) {
			refused(admin().patch("/api/v1/time-entries/" + cost, Map.of("amount", "99.00")));
		}
		for (String time : new String[] { signedTime, pendingTime }) {
			refused(admin().patch("/api/v1/time-entries/" + time, Map.of("minutes", 30)));
		}
		assertThat(admin().patch("/api/v1/time-entries/" + openCost, Map.of("amount", "55.00")).status())
			.isEqualTo(200);
	}

	private static void refused(Api.Response change) {
		assertThat(change.status()).as(change.toString()).isEqualTo(409);
		assertThat(change.contentType()).startsWith("application/problem+json");
		assertThat(change.json().get("detail").asText()).contains("client approval");
	}

	private JsonNode send(LocalDate monday) {
		Api.Response sent = admin().post("/api/v1/approvals", Map.of("contactId", f.contact, "from", monday.toString(),
				"to", monday.plusDays(6).toString(), "grouping", "PROJECT", "message", "Please approve"));
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		return sent.json();
	}

	/** The table row containing {@code marker}. */
	private static String row(String html, String marker) {
		int at = html.indexOf(marker, html.indexOf("id=\"timesheet-list\""));
		assertThat(at).as("a row with " + marker).isNotNegative();
		return html.substring(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
	}
}
