package com.nexustime.approval;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.catalina.valves.RemoteIpValve;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

import com.nexustime.support.Api;
import com.nexustime.support.FormSession;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static com.nexustime.approval.ApprovalFixture.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;

class ClientApprovalApiTest extends IntegrationTest {

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;


	ApprovalFixture fx;

	Api.Client owner;

	long first;

	long second;

	long third;

	@BeforeEach
	void setUp() {
		ApprovalFixture.ensureProcess(repository);
		fx = new ApprovalFixture(jdbc);
		owner = fx.staff.client(api);
		first = fx.entry(fx.website, fx.design, MONDAY, 90, "100.00", "Home page layout");
		second = fx.entry(fx.website, fx.management, MONDAY.plusDays(1), 60, "80.00", "Kick-off call");
		third = fx.entry(fx.brochure, fx.design, MONDAY.plusDays(2), 120, "100.00", "Cover");
	}

	private JsonNode send(String grouping) {
		Api.Response created = owner.post("/api/v1/approvals", fx.request(MONDAY, MONDAY.plusDays(6), grouping));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json();
	}

	/** The link from the mail the contact received: the API answer has none. */
	private String url(JsonNode created) {
		return ApprovalFixture.mailedLink(context, created.get("id").asLong());
	}

	@Test
	void sendingSnapshotsTheMatchingEntriesAndPutsThemInProcess() {
		long notBillable = fx.entry(fx.website, fx.design, MONDAY, 30, "100.00", "internal");
		jdbc.sql("update time_entry set billable = false where id = ?").param(notBillable).update();
		long outside = fx.entry(fx.website, fx.design, MONDAY.plusDays(10), 30, "100.00", "later");

		JsonNode created = send("PROJECT");

		assertThat(created.get("status").asText()).isEqualTo("SENT");
		assertThat(created.get("snapshotHash").asText()).matches("[0-9a-f]{64}");
		assertThat(created.has("approvalUrl")).as("the sender never gets the client's link").isFalse();
		JsonNode lines = created.get("lines");
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0).get("group").asText()).isEqualTo("Brochure " + fx.unique);
		assertThat(lines.get(0).get("hours").asText()).isEqualTo("2.00");
		assertThat(lines.get(0).get("rate").asText()).isEqualTo("100.00");
		assertThat(lines.get(1).get("group").asText()).isEqualTo("Website " + fx.unique);
		assertThat(lines.get(1).get("hours").asText()).isEqualTo("2.50");
		assertThat(lines.get(1).has("rate")).as("mixed rates have none").isFalse();
		assertThat(lines.get(1).get("amount").asText()).isEqualTo("230.00");
		assertThat(created.get("totalHours").asText()).isEqualTo("4.50");
		assertThat(created.get("totalAmount").asText()).isEqualTo("430.00");
		assertThat(List.of(fx.status(first), fx.status(second), fx.status(third))).containsOnly("IN_PROCESS");
		assertThat(fx.status(notBillable)).isEqualTo("OPEN");
		assertThat(fx.status(outside)).isEqualTo("OPEN");
		String instance = jdbc.sql("select process_instance_id from client_approval where id = ?")
			.param(created.get("id").asLong()).query(String.class).single();
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().getBusinessKey())
			.isEqualTo("approval:" + created.get("id").asText());

		// the same entries cannot be sent twice
		Api.Response again = owner.post("/api/v1/approvals", fx.request(MONDAY, MONDAY.plusDays(6), "PROJECT"));
		assertThat(again.status()).isEqualTo(422);
		assertThat(again.contentType()).contains("problem+json");
	}

	@Test
	void groupingByTaskUserAndDayFollowsTheChoice() {
		JsonNode byTask = send("TASK");
		assertThat(byTask.get("lines")).extracting(l -> l.get("group").asText()).containsExactly(
				"Brochure " + fx.unique + " · Design " + fx.unique, "Website " + fx.unique + " · Design " + fx.unique,
				"Website " + fx.unique + " · Management " + fx.unique);
		assertThat(owner.delete("/api/v1/approvals/" + byTask.get("id").asText()).status()).isEqualTo(204);
		JsonNode byDay = send("DAY");
		assertThat(byDay.get("lines")).extracting(l -> l.get("group").asText())
			.containsExactly(MONDAY.toString(), MONDAY.plusDays(1).toString(), MONDAY.plusDays(2).toString());
		assertThat(owner.delete("/api/v1/approvals/" + byDay.get("id").asText()).status()).isEqualTo(204);
		JsonNode byUser = send("USER");
		assertThat(byUser.get("lines")).hasSize(1);
		assertThat(byUser.get("lines").get(0).get("hours").asText()).isEqualTo("4.50");
	}

	@Test
	void nothingToSendIs422() {
		Api.Response none = owner.post("/api/v1/approvals",
				fx.request(MONDAY.minusYears(1), MONDAY.minusYears(1).plusDays(6), "PROJECT"));
		assertThat(none.status()).isEqualTo(422);
		Api.Response invalid = owner.post("/api/v1/approvals", Map.of("from", "2021-03-01"));
		assertThat(invalid.status()).isEqualTo(400);
	}

	@Test
	void theClientSeesTheSnapshotAndApprovesWithATypedName() throws Exception {
		JsonNode created = send("PROJECT");
		String link = url(created);
		// a forged X-Forwarded-For from a peer nobody configured as a trusted proxy counts for nothing
		PublicLinkClient client = new PublicLinkClient("203.0.113.7, 10.0.0.1", "PhoneBrowser/1.0");

		PublicLinkClient.Page page = client.get(link);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Website " + fx.unique, "Brochure " + fx.unique, "430.00",
				created.get("snapshotHash").asText(), "name=\"_csrf\"");

		PublicLinkClient.Page unsigned = client.post(link + "/approve", Map.of("signature", "  "));
		assertThat(unsigned.status()).isEqualTo(200);
		assertThat(unsigned.body()).contains("Type your full name");
		assertThat(fx.status(first)).isEqualTo("IN_PROCESS");

		PublicLinkClient.Page approved = client.post(link + "/approve", Map.of("signature", "Dana Client"));
		assertThat(approved.status()).isEqualTo(200);
		assertThat(approved.body()).contains("Approved by <strong>Dana Client</strong>").doesNotContain("approve-form");
		assertThat(List.of(fx.status(first), fx.status(second), fx.status(third))).containsOnly("FINALIZED");

		// a second decision changes nothing and says so
		PublicLinkClient.Page again = client.post(link + "/decline", Map.of("reason", "changed my mind"));
		assertThat(again.body()).contains("already decided", "Dana Client");
		assertThat(fx.status(first)).isEqualTo("FINALIZED");

		String id = created.get("id").asText();
		JsonNode read = owner.get("/api/v1/approvals/" + id).json();
		assertThat(read.get("status").asText()).isEqualTo("APPROVED");
		assertThat(read.get("signature").asText()).isEqualTo("Dana Client");
		assertThat(read.has("approvalUrl")).isFalse();
		assertThat(read.get("events")).extracting(e -> e.get("action").asText())
			.containsExactly("SENT", "DELIVERED", "VIEWED", "APPROVED");
		JsonNode approval = read.get("events").get(3);
		assertThat(approval.get("ip").asText()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
		assertThat(read.get("events").toString()).doesNotContain("203.0.113.7", "10.0.0.1");
		assertThat(read.get("decidedIp").asText()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
		assertThat(approval.get("userAgent").asText()).isEqualTo("PhoneBrowser/1.0");
		assertThat(approval.get("signature").asText()).isEqualTo("Dana Client");

		assertThat(owner.delete("/api/v1/approvals/" + id).status()).isEqualTo(409);

		// the PDF served is the one hashed at send time
		HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/v1/approvals/" + id + "/pdf"))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((fx.staff.email() + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
		assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf.body())))
			.isEqualTo(created.get("pdfHash").asText());
	}

	/** Tomcat reads X-Forwarded-For only from NEXUS_TRUSTED_PROXIES, which is empty here: no peer is trusted. */
	@Test
	void forwardedHeadersCountOnlyFromConfiguredProxies() {
		WebServer server = ((ServletWebServerApplicationContext) context).getWebServer();
		RemoteIpValve valve = Arrays.stream(((TomcatWebServer) server).getTomcat().getEngine().getPipeline().getValves())
			.filter(RemoteIpValve.class::isInstance).map(RemoteIpValve.class::cast).findFirst().orElseThrow();
		assertThat(valve.getRemoteIpHeader()).isEqualToIgnoringCase("X-Forwarded-For");
		assertThat(valve.getInternalProxies()).as("no internal proxy trusted by default").isNull();
		assertThat(valve.getTrustedProxies()).isNull();
	}

	@Test
	void aDeclineNeedsAReasonAndReopensTheEntries() {
		JsonNode created = send("DAY");
		String link = url(created);
		PublicLinkClient client = new PublicLinkClient(null, "Desk/2.0");
		client.get(link);

		PublicLinkClient.Page missing = client.post(link + "/decline", Map.of("reason", ""));
		assertThat(missing.body()).contains("Tell us why");
		assertThat(fx.status(first)).isEqualTo("IN_PROCESS");

		PublicLinkClient.Page declined = client.post(link + "/decline", Map.of("reason", "Tuesday was a holiday"));
		assertThat(declined.body()).contains("Declined", "Tuesday was a holiday").doesNotContain("decline-form");
		assertThat(List.of(fx.status(first), fx.status(second), fx.status(third))).containsOnly("OPEN");
		JsonNode read = owner.get("/api/v1/approvals/" + created.get("id").asText()).json();
		assertThat(read.get("status").asText()).isEqualTo("DECLINED");
		JsonNode event = read.get("events").get(read.get("events").size() - 1);
		assertThat(event.get("action").asText()).isEqualTo("DECLINED");
		assertThat(event.get("reason").asText()).isEqualTo("Tuesday was a holiday");
		assertThat(event.get("ip").asText()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
	}

	@Test
	void tamperedCancelledAndExpiredLinksRevealNothing() {
		JsonNode created = send("PROJECT");
		String link = url(created);
		PublicLinkClient client = new PublicLinkClient(null, "Curious/1.0");
		String tampered = link.substring(0, link.length() - 2) + (link.endsWith("AA") ? "BB" : "AA");
		PublicLinkClient.Page unknown = client.get(tampered);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body()).doesNotContain(fx.unique);

		assertThat(owner.delete("/api/v1/approvals/" + created.get("id").asText()).status()).isEqualTo(204);
		assertThat(client.get(link).status()).isEqualTo(404);
		assertThat(fx.status(first)).isEqualTo("OPEN");
		JsonNode cancelled = owner.get("/api/v1/approvals/" + created.get("id").asText()).json();
		assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");

		JsonNode again = send("PROJECT");
		String againLink = url(again);
		jdbc.sql("update client_approval set expires_at = now() - interval '1 minute' where id = ?")
			.param(again.get("id").asLong()).update();
		PublicLinkClient.Page expired = client.get(againLink);
		assertThat(expired.status()).isEqualTo(410);
		assertThat(expired.body()).doesNotContain(fx.unique);
	}

	@Test
	void expiryByTheProcessEndsTheLinkAndReopensTheEntries() {
		JsonNode created = send("PROJECT");
		String link = url(created);
		service.expire(created.get("id").asLong());
		assertThat(new PublicLinkClient(null, "x").get(link).status()).isEqualTo(410);
		assertThat(fx.status(first)).isEqualTo("OPEN");
		assertThat(owner.get("/api/v1/approvals/" + created.get("id").asText()).json().get("status").asText())
			.isEqualTo("EXPIRED");
	}

	@Autowired
	ClientApprovalService service;

	@Test
	void concurrentApproveAndDeclineLeaveExactlyOneDecision() throws Exception {
		JsonNode created = send("PROJECT");
		String link = url(created);
		PublicLinkClient approver = new PublicLinkClient(null, "A");
		PublicLinkClient decliner = new PublicLinkClient(null, "B");
		approver.get(link);
		decliner.get(link);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<PublicLinkClient.Page>> both = List.of(() -> {
				start.await();
				return approver.post(link + "/approve", Map.of("signature", "Ana"));
			}, () -> {
				start.await();
				return decliner.post(link + "/decline", Map.of("reason", "No"));
			});
			List<Future<PublicLinkClient.Page>> futures = new ArrayList<>();
			both.forEach(task -> futures.add(pool.submit(task)));
			start.countDown();
			for (Future<PublicLinkClient.Page> f : futures) {
				assertThat(f.get().status()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdown();
		}
		JsonNode read = owner.get("/api/v1/approvals/" + created.get("id").asText()).json();
		List<String> decisions = new ArrayList<>();
		read.get("events").forEach(e -> {
			if (List.of("APPROVED", "DECLINED").contains(e.get("action").asText())) {
				decisions.add(e.get("action").asText());
			}
		});
		assertThat(decisions).hasSize(1);
		assertThat(read.get("status").asText()).isEqualTo(decisions.get(0));
		String expected = decisions.get(0).equals("APPROVED") ? "FINALIZED" : "OPEN";
		assertThat(List.of(fx.status(first), fx.status(second), fx.status(third))).containsOnly(expected);
	}

	@Test
	void anEntryOfAPendingRequestCannotBeEditedSoTheSnapshotStaysWhatIsSigned() {
		JsonNode created = send("PROJECT");
		String link = url(created);
		String id = created.get("id").asText();
		assertThat(owner.get("/api/v1/approvals/" + id).json().get("changedSinceSent").asBoolean()).isFalse();

		Api.Response edit = owner.patch("/api/v1/time-entries/" + first, Map.of("minutes", 240, "description", "More"));
		assertThat(edit.status()).as(edit.toString()).isEqualTo(409);
		assertThat(edit.json().get("detail").asText()).contains("(request " + id + ")", "cancel it");

		JsonNode read = owner.get("/api/v1/approvals/" + id).json();
		assertThat(read.get("changedSinceSent").asBoolean()).isFalse();
		assertThat(read.get("lines")).isEqualTo(created.get("lines"));
		assertThat(read.get("snapshotHash").asText()).isEqualTo(created.get("snapshotHash").asText());
		assertThat(new PublicLinkClient(null, "x").get(link).body()).contains("Home page layout")
			.doesNotContain("More");
	}

	@Test
	void strangersDoNotSeeSomeoneElsesApproval() {
		JsonNode created = send("PROJECT");
		String id = created.get("id").asText();
		Api.Client stranger = TestUsers.create(jdbc, "STAFF").client(api);
		assertThat(stranger.get("/api/v1/approvals/" + id).status()).isEqualTo(404);
		assertThat(stranger.delete("/api/v1/approvals/" + id).status()).isEqualTo(404);
		assertThat(stranger.get("/api/v1/approvals?contactId=" + fx.contact).json()).isEmpty();
		assertThat(admin().get("/api/v1/approvals/" + id).status()).isEqualTo(200);
		assertThat(owner.get("/api/v1/approvals?contactId=" + fx.contact).json()).hasSize(1);
		assertThat(api.anonymous().get("/api/v1/approvals/" + id).status()).isEqualTo(401);
	}

	@Test
	void theOwnerPagesPreviewWithoutSendingThenShowTheSubmission() {
		FormSession session = FormSession.signIn(port, fx.staff.email(), TestUsers.PASSWORD);
		assertThat(session.get("/approvals/new").status()).isEqualTo(200);
		FormSession.Page preview = session.post("/approvals", Map.of("contactId", String.valueOf(fx.contact),
				"from", MONDAY.toString(), "to", MONDAY.plusDays(6).toString(), "grouping", "PROJECT", "action", "preview"));
		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.body()).contains("What the client would see", "Website " + fx.unique, "230.00");
		assertThat(fx.status(first)).as("a preview creates nothing").isEqualTo("OPEN");

		FormSession.Page sent = session.post("/approvals", Map.of("contactId", String.valueOf(fx.contact),
				"from", MONDAY.toString(), "to", MONDAY.plusDays(6).toString(), "grouping", "PROJECT", "action", "send"));
		assertThat(sent.status()).isEqualTo(302);
		FormSession.Page detail = session.follow(sent);
		assertThat(detail.status()).isEqualTo(200);
		assertThat(detail.body()).contains("Waiting for client", "Website " + fx.unique, "mailbox only")
			.doesNotContain("/public/approvals/");
		assertThat(fx.status(first)).isEqualTo("IN_PROCESS");
		assertThat(session.get("/approvals").body()).contains("Client " + fx.unique);

		String id = sent.location().substring(sent.location().lastIndexOf('/') + 1);
		FormSession.Page cancelled = session.post("/approvals/" + id + "/cancel", Map.of());
		assertThat(cancelled.status()).isEqualTo(302);
		assertThat(session.follow(cancelled).body()).contains("Cancelled");
		assertThat(fx.status(first)).isEqualTo("OPEN");
	}
}
