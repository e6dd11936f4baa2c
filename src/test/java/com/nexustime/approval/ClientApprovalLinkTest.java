package com.nexustime.approval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
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
 * The signing link belongs to the client: it reaches the contact's mailbox and nothing the sender, an admin, the
 * engine or the database can show gives it back. "Resend" mails a new one and the earlier ones keep working.
 */
class ClientApprovalLinkTest extends IntegrationTest {

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	ManagementService management;

	ApprovalFixture fx;

	Api.Client owner;

	@BeforeEach
	void setUp() {
		ApprovalFixture.ensureProcess(repository);
		fx = new ApprovalFixture(jdbc);
		owner = fx.staff.client(api);
		fx.entry(fx.website, fx.design, MONDAY, 90, "100.00", "Home page layout");
	}

	@Test
	void theLinkQueuedInTheOutboxIsMailedToTheClientAndFoundNowhereElse() {
		Api.Response created = owner.post("/api/v1/approvals", fx.request(MONDAY, MONDAY.plusDays(6), "PROJECT"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		String processInstanceId = processOf(id);

		// no SMTP server: the process's mail waits in the outbox, then goes out as the scheduled sender sends it
		management.executeJob(management.createJobQuery().processInstanceId(processInstanceId)
			.activityId("SendToClient").singleResult().getId());
		List<MimeMessage> delivered = ApprovalFixture.deliverOutbox(context, fx.email());
		assertThat(delivered).hasSize(1);
		String link = ApprovalFixture.linkIn(delivered.get(0), port);
		String token = ApprovalFixture.token(link);
		assertThat(new PublicLinkClient(null, "Mail/1.0").get(link).body()).as("the mailed link works")
			.contains("Home page layout");

		assertThat(created.body()).doesNotContain(token).doesNotContain("/public/approvals/");
		assertThat(owner.get("/api/v1/approvals/" + id).body()).doesNotContain(token)
			.doesNotContain("/public/approvals/");
		assertThat(owner.get("/api/v1/approvals").body()).doesNotContain(token);
		FormSession session = FormSession.signIn(port, fx.staff.email(), TestUsers.PASSWORD);
		assertThat(session.get("/approvals").body()).doesNotContain(token);
		assertThat(session.get("/approvals/" + id).body()).doesNotContain(token).doesNotContain("/public/approvals/");

		FormSession admin = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String outbox = admin.get("/admin/outbox").body();
		assertThat(outbox).doesNotContain(token).contains("Link withheld", "[link withheld: delivered to the recipient only]");
		assertThat(admin().get("/engine-rest/variable-instance?processInstanceIdIn=" + processInstanceId).body())
			.doesNotContain(token);

		assertNoTrace(token, processInstanceId);
	}

	@Test
	void theLinkOfAnApprovalSentOnThePageIsNotInTheFlashNorInTheEngine() {
		FormSession session = FormSession.signIn(port, fx.staff.email(), TestUsers.PASSWORD);
		session.get("/approvals/new");
		FormSession.Page sent = session.post("/approvals", Map.of("contactId", String.valueOf(fx.contact),
				"from", MONDAY.toString(), "to", MONDAY.plusDays(6).toString(), "grouping", "PROJECT", "action", "send"));
		assertThat(sent.status()).isEqualTo(302);
		String flashed = session.follow(sent).body();
		long id = Long.parseLong(sent.location().substring(sent.location().lastIndexOf('/') + 1));

		String token = ApprovalFixture.token(ApprovalFixture.mailedLink(context, id));

		assertThat(flashed).contains("mailbox only").doesNotContain(token).doesNotContain("/public/approvals/");
		assertNoTrace(token, processOf(id));
	}

	@Test
	void resendMailsANewLinkAndTheEarlierOneStillWorksUntilTheDecision() {
		JsonNode created = owner.post("/api/v1/approvals", fx.request(MONDAY, MONDAY.plusDays(6), "PROJECT")).json();
		long id = created.get("id").asLong();
		String first = ApprovalFixture.mailedLink(context, id);

		assertThat(TestUsers.create(jdbc, "STAFF").client(api).post("/api/v1/approvals/" + id + "/resend", Map.of())
			.status()).as("someone else's approval").isEqualTo(404);
		assertThat(TestUsers.create(jdbc, "AUDITOR").client(api).post("/api/v1/approvals/" + id + "/resend", Map.of())
			.status()).as("auditors send nothing").isEqualTo(403);
		Api.Response resent = owner.post("/api/v1/approvals/" + id + "/resend", Map.of());
		assertThat(resent.status()).as(resent.toString()).isEqualTo(202);
		assertThat(resent.body()).doesNotContain("/public/approvals/");

		List<MimeMessage> again = ApprovalFixture.deliverOutbox(context, fx.email());
		assertThat(again).hasSize(1);
		String second = ApprovalFixture.linkIn(again.get(0), port);
		assertThat(second).isNotEqualTo(first);
		assertThat(new PublicLinkClient(null, "A").get(first).status()).isEqualTo(200);
		PublicLinkClient client = new PublicLinkClient(null, "B");
		assertThat(client.get(second).status()).isEqualTo(200);

		// the owner's page offers it too, while the client has not decided
		FormSession session = FormSession.signIn(port, fx.staff.email(), TestUsers.PASSWORD);
		assertThat(session.get("/approvals/" + id).body()).contains("id=\"resend\"");
		FormSession.Page pressed = session.post("/approvals/" + id + "/resend", Map.of());
		assertThat(pressed.status()).isEqualTo(302);
		assertThat(session.follow(pressed).body()).contains("A new link is on its way").doesNotContain("/public/approvals/");
		String third = ApprovalFixture.linkIn(ApprovalFixture.deliverOutbox(context, fx.email()).get(0), port);

		assertThat(client.post(second + "/decline", Map.of("reason", "Wrong week")).body()).contains("Wrong week");
		assertThat(new PublicLinkClient(null, "A").get(first).body()).as("every link shows the one decision")
			.contains("Wrong week");
		assertThat(new PublicLinkClient(null, "C").get(third).body()).contains("Wrong week")
			.doesNotContain("approve-form");
		Api.Response closed = owner.post("/api/v1/approvals/" + id + "/resend", Map.of());
		assertThat(closed.status()).isEqualTo(409);
		assertThat(closed.contentType()).contains("problem+json");
		assertThat(session.get("/approvals/" + id).body()).doesNotContain("id=\"resend\"");
		assertThat(owner.get("/api/v1/approvals/" + id).json().get("events").toString()).contains("RESENT");
		assertThat(jdbc.sql("select status from client_approval where id = ?").param(id).query(String.class).single())
			.isEqualTo("DECLINED");
	}

	private String processOf(long approvalId) {
		return jdbc.sql("select process_instance_id from client_approval where id = ?").param(approvalId)
			.query(String.class).single();
	}

	/** Neither the engine's variables (current and historic) nor any table of the database hold the token. */
	private void assertNoTrace(String token, String processInstanceId) {
		List<Object> values = new ArrayList<>();
		runtime.createVariableInstanceQuery().processInstanceIdIn(processInstanceId).list()
			.forEach(v -> values.add(v.getName() + "=" + v.getValue()));
		history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list()
			.forEach(v -> values.add(v.getName() + "=" + v.getValue()));
		history.createHistoricDetailQuery().processInstanceId(processInstanceId).list()
			.forEach(d -> values.add(d instanceof HistoricVariableUpdate update
					? update.getVariableName() + "=" + update.getValue() : d.toString()));
		assertThat(values).isNotEmpty();
		assertThat(values.toString()).doesNotContain(token).doesNotContain("approvalUrl")
			.doesNotContain("/public/approvals/");

		List<String> tables = jdbc.sql("""
				select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables
				 where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')""")
			.query(String.class).list();
		assertThat(tables).anyMatch(t -> t.endsWith(".mail_outbox")).anyMatch(t -> t.endsWith(".client_approval_link"))
			.anyMatch(t -> t.endsWith(".act_hi_varinst"));
		List<String> holding = new ArrayList<>();
		for (String table : tables) {
			long rows = jdbc.sql("select count(*) from " + table + " t where strpos(t::text, ?) > 0").param(token)
				.query(Long.class).single();
			if (rows > 0) {
				holding.add(table);
			}
		}
		assertThat(holding).as("tables holding the token").isEmpty();
	}
}
