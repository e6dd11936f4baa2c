package com.nexustime.approval;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.nexustime.support.Api;
import com.nexustime.support.FormSession;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static com.nexustime.approval.ApprovalFixture.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whose time a sender previews and sends: staff their own, a manager also their reports', an admin anyone's;
 * an auditor nothing. Sending locks only the entries it includes.
 */
class ClientApprovalScopeTest extends IntegrationTest {

	@Autowired
	RepositoryService repository;

	ApprovalFixture fx;

	TestUsers.TestUser colleague;

	TestUsers.TestUser manager;

	long mine;

	long theirs;

	@BeforeEach
	void setUp() {
		ApprovalFixture.ensureProcess(repository);
		fx = new ApprovalFixture(jdbc);
		colleague = TestUsers.create(jdbc, "STAFF");
		manager = TestUsers.create(jdbc, "MANAGER", "STAFF");
		fx.managedBy(manager); // the fixture's staff member reports to the manager; the colleague does not
		mine = fx.entry(fx.website, fx.design, MONDAY, 60, "100.00", "My layout");
		theirs = fx.entryOf(colleague, fx.website, fx.design, MONDAY.plusDays(1), 120, "175.00", "Colleague retouching");
	}

	/** The page's preview, as {@code email} sees it. */
	private String preview(String email, String password) {
		FormSession session = FormSession.signIn(port, email, password);
		session.get("/approvals/new");
		FormSession.Page page = session.post("/approvals", form("preview"));
		assertThat(page.status()).isEqualTo(200);
		return page.body();
	}

	private Map<String, String> form(String action) {
		return Map.of("contactId", String.valueOf(fx.contact), "from", MONDAY.toString(),
				"to", MONDAY.plusDays(6).toString(), "grouping", "TASK", "action", action);
	}

	@Test
	void staffPreviewAndSendOnlyTheirOwnTime() {
		String preview = preview(fx.staff.email(), TestUsers.PASSWORD);
		assertThat(preview).contains("What the client would see", "My layout", "100.00")
			.doesNotContain("Colleague retouching", "175.00", "350.00");

		JsonNode sent = fx.staff.client(api).post("/api/v1/approvals", fx.request(MONDAY, MONDAY.plusDays(6), "TASK"))
			.json();
		assertThat(sent.get("totalAmount").asText()).isEqualTo("100.00");
		assertThat(sent.toString()).doesNotContain("Colleague retouching");
		assertThat(fx.status(mine)).isEqualTo("IN_PROCESS");
		assertThat(fx.status(theirs)).as("a colleague's entry stays theirs to send").isEqualTo("OPEN");

		// the colleague then sends their own
		JsonNode theirsSent = colleague.client(api)
			.post("/api/v1/approvals", fx.request(MONDAY, MONDAY.plusDays(6), "TASK")).json();
		assertThat(theirsSent.get("totalAmount").asText()).isEqualTo("350.00");
		assertThat(fx.status(theirs)).isEqualTo("IN_PROCESS");
	}

	@Test
	void aManagerSendsTheirReportsTimeButNotOthers() {
		long own = fx.entryOf(manager, fx.brochure, fx.management, MONDAY, 30, "80.00", "Manager call");
		assertThat(preview(manager.email(), TestUsers.PASSWORD)).contains("My layout", "Manager call")
			.doesNotContain("Colleague retouching", "175.00");

		Api.Response sent = manager.client(api).post("/api/v1/approvals", fx.request(MONDAY, MONDAY.plusDays(6), "TASK"));
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		assertThat(sent.json().get("totalAmount").asText()).isEqualTo("140.00");
		assertThat(fx.status(mine)).isEqualTo("IN_PROCESS");
		assertThat(fx.status(own)).isEqualTo("IN_PROCESS");
		assertThat(fx.status(theirs)).isEqualTo("OPEN");
	}

	@Test
	void anAdminSendsEveryonesTimeAndAnAuditorNothing() {
		Api.Client auditor = TestUsers.create(jdbc, "AUDITOR").client(api);
		assertThat(auditor.post("/api/v1/approvals", fx.request(MONDAY, MONDAY.plusDays(6), "TASK")).status())
			.isEqualTo(403);
		assertThat(fx.status(mine)).isEqualTo("OPEN");

		assertThat(preview(ADMIN_EMAIL, ADMIN_PASSWORD)).contains("My layout", "Colleague retouching");
		Api.Response sent = admin().post("/api/v1/approvals", fx.request(MONDAY, MONDAY.plusDays(6), "TASK"));
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		assertThat(sent.json().get("totalAmount").asText()).isEqualTo("450.00");
		assertThat(fx.status(mine)).isEqualTo("IN_PROCESS");
		assertThat(fx.status(theirs)).isEqualTo("IN_PROCESS");
	}

	@Test
	void nothingOfTheirOwnToSendSaysWhy() {
		TestUsers.TestUser idle = TestUsers.create(jdbc, "STAFF");
		Api.Response none = idle.client(api).post("/api/v1/approvals", fx.request(MONDAY, MONDAY.plusDays(6), "TASK"));
		assertThat(none.status()).isEqualTo(422);
		assertThat(none.body()).contains("your own");
		assertThat(fx.status(mine)).isEqualTo("OPEN");
		assertThat(fx.status(theirs)).isEqualTo("OPEN");
	}

	@Test
	void readingFollowsTheSendingScope() {
		// one approval the colleague sent (not the manager's report), one the manager's report sent
		long colleagues = colleague.client(api).post("/api/v1/approvals", fx.request(MONDAY, MONDAY.plusDays(6), "TASK"))
			.json().get("id").asLong();
		long reports = fx.staff.client(api).post("/api/v1/approvals", fx.request(MONDAY, MONDAY.plusDays(6), "TASK"))
			.json().get("id").asLong();
		TestUsers.TestUser otherManager = TestUsers.create(jdbc, "MANAGER", "STAFF");

		// the manager: their report's approval yes, another team's no — everywhere it could be read
		Api.Client managerApi = manager.client(api);
		assertThat(ids(managerApi)).contains(reports).doesNotContain(colleagues);
		assertThat(managerApi.get("/api/v1/approvals/" + reports).status()).isEqualTo(200);
		for (String part : new String[] { "", "/pdf", "/snapshot", "/history" }) {
			Api.Response refused = managerApi.get("/api/v1/approvals/" + colleagues + part);
			assertThat(refused.status()).as(part + ": " + refused).isEqualTo(404);
			assertThat(refused.body()).doesNotContain("175.00", "350.00");
		}
		FormSession managerPages = FormSession.signIn(port, manager.email(), TestUsers.PASSWORD);
		assertThat(managerPages.get("/approvals/" + colleagues).status()).isEqualTo(404);
		assertThat(managerPages.get("/approvals").body()).contains("/approvals/" + reports)
			.doesNotContain("/approvals/" + colleagues + "\"");

		// a manager of nobody here sees neither; staff see what they sent only
		assertThat(ids(otherManager.client(api))).doesNotContain(reports, colleagues);
		assertThat(otherManager.client(api).get("/api/v1/approvals/" + reports).status()).isEqualTo(404);
		assertThat(ids(fx.staff.client(api))).contains(reports).doesNotContain(colleagues);
		assertThat(fx.staff.client(api).get("/api/v1/approvals/" + colleagues + "/snapshot").status()).isEqualTo(404);
		assertThat(ids(colleague.client(api))).contains(colleagues).doesNotContain(reports);

		// admins and auditors see all
		assertThat(ids(admin())).contains(reports, colleagues);
		Api.Client auditor = TestUsers.create(jdbc, "AUDITOR").client(api);
		assertThat(ids(auditor)).contains(reports, colleagues);
		assertThat(auditor.get("/api/v1/approvals/" + colleagues + "/pdf").status()).isEqualTo(200);
	}

	private static java.util.List<Long> ids(Api.Client who) {
		Api.Response list = who.get("/api/v1/approvals");
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		java.util.List<Long> ids = new java.util.ArrayList<>();
		list.json().forEach(a -> ids.add(a.get("id").asLong()));
		return ids;
	}
}
