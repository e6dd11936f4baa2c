package com.nexustime.finance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/** Finalizing a project's entries: by an admin up to a date, and by a per-piece project's artwork being complete. */
class FinalizationApiTest extends IntegrationTest {

	private static final LocalDate NOV_9 = LocalDate.of(2026, 11, 9);

	private FinanceFixture f;

	@BeforeEach
	void fixture() {
		f = new FinanceFixture(api, admin(), jdbc);
	}

	@Test
	void anAdminFinalizesOpenEntriesUpToTheDate() {
		String project = f.project("STANDARD", "HOURLY");
		String before = f.time(project, f.design, NOV_9, 2);
		String onTheDay = f.fixedCost(project, NOV_9.plusDays(1), "80.00");
		String after = f.time(project, f.design, NOV_9.plusDays(2), 2);
		String waiting = f.time(project, f.management, NOV_9, 1);
		jdbc.sql("update time_entry set status = 'IN_PROCESS' where id = ?").param(Long.valueOf(waiting)).update();
		String billed = f.time(project, f.management, NOV_9.minusDays(7), 1);
		f.finalizeThrough(project, NOV_9.minusDays(7));
		f.bill(List.of(billed));
		String otherProject = f.time(f.project("STANDARD", "HOURLY"), f.design, NOV_9, 1);

		JsonNode done = f.finalizeThrough(project, NOV_9.plusDays(1));
		assertThat(done.get("finalized").asInt()).isEqualTo(2);
		assertThat(done.get("through").asText()).isEqualTo("2026-11-10");
		assertThat(done.get("entryIds")).extracting(JsonNode::asText).containsExactly(before, onTheDay);
		assertThat(f.statusOf(before)).isEqualTo("FINALIZED");
		assertThat(f.statusOf(onTheDay)).isEqualTo("FINALIZED");
		assertThat(f.statusOf(after)).isEqualTo("OPEN");
		assertThat(f.statusOf(waiting)).isEqualTo("IN_PROCESS");
		assertThat(f.statusOf(billed)).isEqualTo("BILLED");
		assertThat(f.statusOf(otherProject)).isEqualTo("OPEN");
		assertThat(jdbc.sql("select finalized_at is not null from time_entry where id = ?").param(Long.valueOf(before))
			.query(Boolean.class).single()).isTrue();

		// each entry's history names the finalization, and the project's names the date and the entries
		for (String id : List.of(before, onTheDay)) {
			assertThat(jdbc.sql("""
					select after ->> 'reason' from audit_log
					 where entity_type = 'TimeEntry' and entity_id = ? and action = 'FINALIZE'""")
				.param(id).query(String.class).single()).isEqualTo("admin finalization through 2026-11-10");
		}
		JsonNode audit = admin().get("/api/v1/audit?entityType=Project&entityId=" + project).json();
		JsonNode record = null;
		for (JsonNode r : audit) {
			if (r.get("action").asText().equals("FINALIZE_ENTRIES")
					&& r.get("after").path("through").asText().equals("2026-11-10")) {
				record = r;
			}
		}
		assertThat(record).as("a FINALIZE_ENTRIES record in " + audit).isNotNull();
		assertThat(record.get("actor").asText()).isEqualTo(ADMIN_EMAIL);
		assertThat(record.get("after").toString()).contains("2026-11-10", before, onTheDay);

		// finalized is locked for the owner; a second run finds nothing more
		Api.Response locked = f.staff.client(api).patch("/api/v1/time-entries/" + before, Map.of("minutes", 30));
		assertThat(locked.status()).isEqualTo(409);
		assertThat(f.finalizeThrough(project, NOV_9.plusDays(1)).get("finalized").asInt()).isZero();
	}

	@Test
	void twoAdminsFinalizingAtOnceFinalizeEachEntryOnce() throws Exception {
		String project = f.project("STANDARD", "HOURLY");
		List<String> ids = new ArrayList<>();
		for (int day = 0; day < 6; day++) {
			ids.add(f.time(project, f.design, NOV_9.plusDays(day), 1));
			ids.add(f.time(project, f.management, NOV_9.plusDays(day), 1));
		}
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Api.Response>> runs = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				runs.add(pool.submit(() -> {
					start.await();
					return admin().post("/api/v1/projects/" + project + "/finalize", Map.of("through", "2026-11-30"));
				}));
			}
			start.countDown();
			int finalized = 0;
			for (Future<Api.Response> run : runs) {
				Api.Response answer = run.get(60, TimeUnit.SECONDS);
				assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
				finalized += answer.json().get("finalized").asInt();
			}
			assertThat(finalized).isEqualTo(12);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'TimeEntry' and action = 'FINALIZE' "
				+ "and entity_id in (:ids)").param("ids", ids).query(Long.class).single()).isEqualTo(12);
	}

	@Test
	void onlyAdminsFinalizeAndBadInputNamesTheField() {
		String project = f.project("STANDARD", "HOURLY");
		String entry = f.time(project, f.design, NOV_9, 1);
		Map<String, String> body = Map.of("through", "2026-11-30");
		for (Api.Client refused : List.of(f.manager.client(api), f.staff.client(api),
				TestUsers.create(jdbc, "AUDITOR").client(api))) {
			Api.Response answer = refused.post("/api/v1/projects/" + project + "/finalize", body);
			assertThat(answer.status()).isEqualTo(403);
			assertThat(answer.contentType()).contains("problem+json");
		}
		assertThat(f.statusOf(entry)).isEqualTo("OPEN");

		Api.Response badDate = admin().post("/api/v1/projects/" + project + "/finalize", Map.of("through", "2026-13-45"));
		assertThat(badDate.status()).isEqualTo(400);
		assertThat(badDate.json().get("errors").get(0).get("field").asText()).isEqualTo("through");
		Api.Response missing = admin().post("/api/v1/projects/" + project + "/finalize", Map.of());
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("errors").get(0).get("field").asText()).isEqualTo("through");
		assertThat(admin().post("/api/v1/projects/" + project + "/finalize", "not json").status()).isEqualTo(400);
		assertThat(admin().post("/api/v1/projects/987654321/finalize", body).status()).isEqualTo(404);
		assertThat(f.statusOf(entry)).isEqualTo("OPEN");
	}

	@Test
	void artworkCompleteFinalizesThePerPieceTimeOnly() {
		String project = f.project("PER_PIECE", "HOURLY");
		String piece = f.time(project, f.perPiece, NOV_9, 2);
		String laterPiece = f.time(project, f.perPiece, NOV_9.plusDays(20), 1);
		String waitingPiece = f.time(project, f.perPiece, NOV_9, 1);
		jdbc.sql("update time_entry set status = 'IN_PROCESS' where id = ?").param(Long.valueOf(waitingPiece)).update();
		String design = f.time(project, f.design, NOV_9, 1);
		String cost = f.fixedCost(project, NOV_9, "40.00");

		f.status(project, "ARTWORK_COMPLETE");
		assertThat(f.statusOf(piece)).isEqualTo("FINALIZED");
		assertThat(f.statusOf(laterPiece)).isEqualTo("FINALIZED");
		assertThat(f.statusOf(waitingPiece)).isEqualTo("IN_PROCESS");
		assertThat(f.statusOf(design)).isEqualTo("OPEN");
		assertThat(f.statusOf(cost)).isEqualTo("OPEN");
		assertThat(jdbc.sql("""
				select count(*) from audit_log
				 where entity_type = 'TimeEntry' and entity_id in (?, ?) and action = 'FINALIZE'
				   and after ->> 'reason' = 'artwork complete'""")
			.params(piece, laterPiece).query(Long.class).single()).isEqualTo(2);
		JsonNode summary = f.summary(project);
		assertThat(summary.get("finalizedToBill").asText()).isEqualTo("300.00");
		assertThat(summary.get("perPiece").asText()).isEqualTo("400.00");

		// setting the same status again is no change and finalizes nothing more
		long finalizations = finalizeRecords(project);
		Api.Response same = admin().patch("/api/v1/projects/" + project, Map.of("status", "ARTWORK_COMPLETE"));
		assertThat(same.status()).isEqualTo(200);
		assertThat(finalizeRecords(project)).isEqualTo(finalizations);
	}

	private long finalizeRecords(String project) {
		return jdbc.sql("select count(*) from audit_log where entity_type = 'Project' and entity_id = ? "
				+ "and action = 'FINALIZE_ENTRIES'")
			.param(project).query(Long.class).single();
	}

	@Test
	void anObsoleteProjectsEntriesAreNotOfferedToTheClient() {
		String obsolete = f.project("STANDARD", "HOURLY");
		String active = f.project("STANDARD", "HOURLY");
		String stale = f.time(obsolete, f.design, NOV_9, 2);
		f.status(obsolete, "OBSOLETE");
		Map<String, Object> request = Map.of("contactId", f.contact, "from", NOV_9.toString(),
				"to", NOV_9.plusDays(6).toString(), "grouping", "PROJECT");

		Api.Response nothing = f.manager.client(api).post("/api/v1/approvals", request);
		assertThat(nothing.status()).as(nothing.toString()).isEqualTo(422);

		String current = f.time(active, f.design, NOV_9.plusDays(1), 3);
		Api.Response sent = f.manager.client(api).post("/api/v1/approvals", request);
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		assertThat(sent.json().get("totalAmount").asText()).isEqualTo("300.00");
		assertThat(sent.json().get("lines")).hasSize(1);
		assertThat(f.statusOf(current)).isEqualTo("IN_PROCESS");
		assertThat(f.statusOf(stale)).isEqualTo("OPEN");
	}
}
