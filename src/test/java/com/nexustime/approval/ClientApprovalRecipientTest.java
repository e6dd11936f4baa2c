package com.nexustime.approval;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.nexustime.support.Api;
import com.nexustime.support.FormSession;
import com.nexustime.support.TestUsers;

import static com.nexustime.approval.ApprovalFixture.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signing link belongs to the client: the address is frozen when the approval is sent, every mail of it goes
 * there, the evidence names it, a staff mailbox is refused, and the contact's address stays put while the client
 * has not decided.
 */
class ClientApprovalRecipientTest extends com.nexustime.support.IntegrationTest {

	@Autowired
	RepositoryService repository;

	ApprovalFixture fx;

	TestUsers.TestUser manager;

	long entry;

	@BeforeEach
	void setUp() {
		ApprovalFixture.ensureProcess(repository);
		fx = new ApprovalFixture(jdbc);
		manager = TestUsers.create(jdbc, "MANAGER", "STAFF");
		fx.managedBy(manager);
		entry = fx.entry(fx.website, fx.design, MONDAY, 90, "100.00", "Homepage layout");
	}

	private int contactVersion() {
		return admin().get("/api/v1/contacts/" + fx.contact).json().get("version").asInt();
	}

	private Api.Response changeContactEmail(Api.Client who, String email) {
		return who.patch("/api/v1/contacts/" + fx.contact, Map.of("email", email, "version", contactVersion()));
	}

	@Test
	void aManagerCannotRouteTheClientsLinkToTheirOwnMailbox() {
		Api.Client managerApi = manager.client(api);
		// the attack: the manager may edit contacts, so they put their own address on the client
		Api.Response changed = changeContactEmail(managerApi, manager.email().toUpperCase());
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

		Api.Response sent = managerApi.post("/api/v1/approvals", fx.request(MONDAY, MONDAY.plusDays(6), "TASK"));
		assertThat(sent.status()).as(sent.toString()).isEqualTo(422);
		assertThat(sent.contentType()).startsWith("application/problem+json");
		assertThat(sent.json().get("errors").get(0).get("field").asText()).isEqualTo("contactId");
		assertThat(sent.json().get("detail").asText())
			.contains("the client's address belongs to a Nexus Time account; a client approval must go to the client");
		assertThat(fx.status(entry)).as("nothing was sent").isEqualTo("OPEN");
		assertThat(jdbc.sql("select count(*) from client_approval where contact_id = ?").param(fx.contact)
			.query(Long.class).single()).isZero();

		// any account's address, whatever its role, is refused the same way
		changeContactEmail(admin(), " " + ADMIN_EMAIL.toUpperCase() + " ");
		Api.Response asAdmin = admin().post("/api/v1/approvals", fx.request(MONDAY, MONDAY.plusDays(6), "TASK"));
		assertThat(asAdmin.status()).as(asAdmin.toString()).isEqualTo(422);

		// back to the client's own address: sending works
		changeContactEmail(managerApi, fx.email());
		Api.Response ok = managerApi.post("/api/v1/approvals", fx.request(MONDAY, MONDAY.plusDays(6), "TASK"));
		assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
		assertThat(ok.json().get("recipient").get("email").asText()).isEqualTo(fx.email());
	}

	@Test
	void theRecipientIsFrozenAtSendTimeAndNamedInTheAnswerThePagesAndTheEvidence() {
		Api.Client managerApi = manager.client(api);
		JsonNode created = managerApi.post("/api/v1/approvals", fx.request(MONDAY, MONDAY.plusDays(6), "TASK")).json();
		long id = created.get("id").asLong();
		assertThat(created.get("recipient").get("email").asText()).isEqualTo(fx.email());
		assertThat(created.get("recipient").get("name").asText()).isEqualTo("Client " + fx.unique);

		// while the client has not decided, the contact's address does not move (409 naming the request)...
		Api.Response moved = changeContactEmail(managerApi, "someone-else-" + fx.unique + "@example.org");
		assertThat(moved.status()).as(moved.toString()).isEqualTo(409);
		assertThat(moved.contentType()).startsWith("application/problem+json");
		assertThat(moved.json().get("detail").asText()).contains("(request " + id + ")", fx.email());
		assertThat(admin().get("/api/v1/contacts/" + fx.contact).json().get("email").asText()).isEqualTo(fx.email());
		// ...while other fields still change, and so does the address's spelling in case
		Api.Response renamed = managerApi.patch("/api/v1/contacts/" + fx.contact,
				Map.of("company", "Acme Two", "email", fx.email().toUpperCase(), "version", contactVersion()));
		assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);

		// even if the contact's address changes behind the API, every mail goes to the frozen address
		String elsewhere = "diverted-" + fx.unique + "@example.org";
		jdbc.sql("update contact set email = ? where id = ?").params(elsewhere, fx.contact).update();
		String first = ApprovalFixture.mailedLink(context, id);
		assertThat(first).contains("/public/approvals/");
		String resent = ApprovalFixture.resentLink(context, id);
		assertThat(resent).isNotEqualTo(first);
		assertThat(ApprovalFixture.deliverOutbox(context, elsewhere)).isEmpty();
		List<String> queuedTo = jdbc.sql("select lower(recipient) from mail_outbox where body like ?")
			.param("%" + fx.unique + "%").query(String.class).list();
		assertThat(queuedTo).doesNotContain(elsewhere);

		JsonNode read = managerApi.get("/api/v1/approvals/" + id).json();
		assertThat(read.get("recipient").get("email").asText()).isEqualTo(fx.email());
		Map<String, String> mailedTo = new java.util.HashMap<>();
		for (JsonNode event : read.get("events")) {
			if (!event.get("recipient").isNull()) {
				mailedTo.put(event.get("action").asText(), event.get("recipient").asText());
			}
		}
		assertThat(mailedTo).containsEntry("SENT", fx.email()).containsEntry("DELIVERED", fx.email())
			.containsEntry("RESENT", fx.email()).doesNotContainValue(elsewhere);

		String ownerPage = FormSession.signIn(port, manager.email(), TestUsers.PASSWORD).get("/approvals/" + id).body();
		assertThat(ownerPage).contains("id=\"recipient\"", fx.email()).doesNotContain(elsewhere);
		TestUsers.TestUser auditor = TestUsers.create(jdbc, "AUDITOR");
		String auditorPage = FormSession.signIn(port, auditor.email(), TestUsers.PASSWORD).get("/approvals/" + id)
			.body();
		assertThat(auditorPage).contains("id=\"auditor-recipient\"", fx.email()).doesNotContain(elsewhere);
		int eventsTable = auditorPage.indexOf("id=\"events\"");
		assertThat(auditorPage.substring(eventsTable, auditorPage.indexOf("</table>", eventsTable)))
			.contains("Sent", "Delivered", "Sent again", fx.email());

		// once it is no longer pending, the contact's address may change again
		jdbc.sql("update contact set email = ? where id = ?").params(fx.email(), fx.contact).update();
		assertThat(managerApi.delete("/api/v1/approvals/" + id).status()).isEqualTo(204);
		Api.Response after = changeContactEmail(managerApi, elsewhere);
		assertThat(after.status()).as(after.toString()).isEqualTo(200);
	}

	@Test
	void theContactPageKeepsWhatWasTypedAndSaysWhyWhileARequestIsPending() {
		long id = manager.client(api).post("/api/v1/approvals", fx.request(MONDAY, MONDAY.plusDays(6), "TASK")).json()
			.get("id").asLong();
		FormSession session = FormSession.signIn(port, manager.email(), TestUsers.PASSWORD);
		session.get("/contacts/" + fx.contact + "/edit");
		String typed = "typed-" + fx.unique + "@example.org";
		FormSession.Page page = session.post("/contacts/" + fx.contact, Map.of("name", "Client " + fx.unique,
				"email", typed, "company", "Acme", "version", String.valueOf(contactVersion())));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(typed, "(request " + id + ")");
		assertThat(admin().get("/api/v1/contacts/" + fx.contact).json().get("email").asText()).isEqualTo(fx.email());
	}

	@Test
	void theOpenApiDescriptionNamesTheRecipient() {
		JsonNode schemas = admin().get("/v3/api-docs").json().get("components").get("schemas");
		assertThat(schemas.get("ClientApproval").get("properties").get("recipient").toString())
			.contains("ApprovalRecipient", "frozen when the approval was sent");
		assertThat(schemas.get("ApprovalRecipient").get("properties").has("email")).isTrue();
		assertThat(schemas.get("ApprovalEvent").get("properties").has("recipient")).isTrue();
	}
}
