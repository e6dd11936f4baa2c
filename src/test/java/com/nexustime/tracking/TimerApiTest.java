package com.nexustime.tracking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class TimerApiTest extends IntegrationTest {

	private TrackingFixture f;

	private Api.Client staff;

	@BeforeEach
	void fixture() {
		f = new TrackingFixture(jdbc);
		f.projectRate(f.project, "120.00", LocalDate.of(2020, 1, 1));
		staff = f.staff.client(api);
	}

	@Test
	void startShowStopAndDiscard() {
		var started = staff.post("/api/v1/timer", Map.of("projectId", f.project, "activityId", f.design,
				"description", "Homepage sketches"));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		assertThat(started.json().get("projectId").asText()).isEqualTo(String.valueOf(f.project));
		assertThat(started.json().get("description").asText()).isEqualTo("Homepage sketches");

		var second = staff.post("/api/v1/timer", Map.of("projectId", f.project, "activityId", f.design));
		assertThat(second.status()).isEqualTo(409);

		var shown = staff.get("/api/v1/timer");
		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.json().get("startedAt").asText()).isEqualTo(started.json().get("startedAt").asText());
		assertThat(shown.json().get("projectName").asText()).isEqualTo("STANDARD " + f.unique);
		assertThat(shown.json().get("activityName").asText()).isEqualTo("Design " + f.unique);

		var stopped = staff.post("/api/v1/timer/stop", null);
		assertThat(stopped.status()).as(stopped.toString()).isEqualTo(200);
		assertThat(stopped.json().get("type").asText()).isEqualTo("ACTIVITY");
		assertThat(stopped.json().get("minutes").asInt()).isZero();
		assertThat(stopped.json().get("rate").asText()).isEqualTo("120.00");
		assertThat(staff.get("/api/v1/timer").status()).isEqualTo(204);
		assertThat(staff.post("/api/v1/timer/stop", null).status()).isEqualTo(404);

		assertThat(staff.post("/api/v1/timer", Map.of("projectId", f.project, "activityId", f.design)).status())
			.isEqualTo(201);
		assertThat(staff.delete("/api/v1/timer").status()).isEqualTo(204);
		assertThat(staff.get("/api/v1/timer").status()).isEqualTo(204);
		assertThat(staff.delete("/api/v1/timer").status()).isEqualTo(404);
	}

	@Test
	void aBackdatedTimerStoppedAtAGivenEndRecordsThoseMinutes() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Instant start = now.minus(Duration.ofMinutes(95));
		var started = staff.post("/api/v1/timer", timer(f.project, f.design, Map.of("startedAt", start.toString())));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		assertThat(Instant.parse(started.json().get("startedAt").asText())).isEqualTo(start);

		var beforeStart = staff.post("/api/v1/timer/stop", Map.of("end", start.minusSeconds(60).toString()));
		assertThat(beforeStart.status()).isEqualTo(422);
		assertThat(beforeStart.json().get("errors").get(0).get("field").asText()).isEqualTo("end");
		var future = staff.post("/api/v1/timer/stop", Map.of("end", now.plus(Duration.ofHours(1)).toString()));
		assertThat(future.status()).isEqualTo(422);
		assertThat(staff.get("/api/v1/timer").status()).as("a refused stop leaves the timer running").isEqualTo(200);

		var stopped = staff.post("/api/v1/timer/stop", Map.of("end", start.plus(Duration.ofMinutes(45)).toString()));
		assertThat(stopped.status()).as(stopped.toString()).isEqualTo(200);
		assertThat(stopped.json().get("minutes").asInt()).isEqualTo(45);
		assertThat(stopped.json().get("amount").asText()).isEqualTo("90.00");
	}

	@Test
	void startedAtMustLieWithinTheLastDay() {
		Instant now = Instant.now();
		var tooOld = staff.post("/api/v1/timer",
				timer(f.project, f.design, Map.of("startedAt", now.minus(Duration.ofHours(25)).toString())));
		assertThat(tooOld.status()).isEqualTo(422);
		assertThat(tooOld.json().get("errors").get(0).get("field").asText()).isEqualTo("startedAt");
		var future = staff.post("/api/v1/timer",
				timer(f.project, f.design, Map.of("startedAt", now.plus(Duration.ofHours(2)).toString())));
		assertThat(future.status()).isEqualTo(422);
		assertThat(staff.get("/api/v1/timer").status()).isEqualTo(204);
	}

	@Test
	void switchStopsTheRunningTimerAndStartsTheNextInOneStep() {
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(30));
		staff.post("/api/v1/timer", timer(f.project, f.design, Map.of("startedAt", start.toString())));

		var switched = staff.post("/api/v1/timer/switch", Map.of("projectId", f.project, "activityId", f.management,
				"description", "Client call"));
		assertThat(switched.status()).as(switched.toString()).isEqualTo(201);
		assertThat(switched.json().get("stopped").get("minutes").asInt()).isEqualTo(30);
		assertThat(switched.json().get("stopped").get("activityId").asText()).isEqualTo(String.valueOf(f.design));
		assertThat(switched.json().get("started").get("activityId").asText()).isEqualTo(String.valueOf(f.management));
		var running = staff.get("/api/v1/timer").json();
		assertThat(running.get("description").asText()).isEqualTo("Client call");

		// a refused new timer (management is not available on electronic projects) leaves the old one running
		var refused = staff.post("/api/v1/timer/switch", Map.of("projectId", f.electronicProject,
				"activityId", f.management));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(staff.get("/api/v1/timer").json().get("startedAt").asText())
			.isEqualTo(running.get("startedAt").asText());
		assertThat(jdbc.sql("select count(*) from time_entry where user_id = ?").param(f.staff.id())
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theTimerLivesOnTheServerSoAnotherClientSeesIt() {
		staff.post("/api/v1/timer", timer(f.project, f.design, Map.of()));
		String token = staff.post("/api/v1/me/tokens", Map.of("name", "phone " + f.unique)).json().get("token")
			.asText();
		Api.Client phone = api.bearer(token);

		var seen = phone.get("/api/v1/timer");
		assertThat(seen.status()).isEqualTo(200);
		assertThat(seen.json().get("activityId").asText()).isEqualTo(String.valueOf(f.design));
		assertThat(phone.post("/api/v1/timer/stop", null).status()).isEqualTo(200);
		assertThat(staff.get("/api/v1/timer").status()).isEqualTo(204);
	}

	@Test
	void twoSimultaneousStartsLeaveOneTimer() throws Exception {
		CountDownLatch ready = new CountDownLatch(2);
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				answers.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					return staff.post("/api/v1/timer", timer(f.project, f.design, Map.of())).status();
				}));
			}
			assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
			go.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get(30, TimeUnit.SECONDS));
			}
			assertThat(statuses).containsExactlyInAnyOrder(201, 409);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("select count(*) from running_timer where user_id = ?").param(f.staff.id())
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void onlyTrackingRolesHaveATimer() {
		var auditor = com.nexustime.support.TestUsers.create(jdbc, "AUDITOR");
		assertThat(auditor.client(api).post("/api/v1/timer", timer(f.project, f.design, Map.of())).status())
			.isEqualTo(403);
	}

	@Test
	void everyPageHeaderCarriesTheTimerForPeopleWhoTrackTimeAndTheBellForEveryone() {
		String staffHome = staff.get("/").body();
		assertThat(staffHome).contains("id=\"timer\"").contains("id=\"bell\"").contains("/js/timer.js");
		var auditor = com.nexustime.support.TestUsers.create(jdbc, "AUDITOR");
		String auditorHome = auditor.client(api).get("/").body();
		assertThat(auditorHome).doesNotContain("id=\"timer\"").contains("id=\"bell\"");
	}

	private static Map<String, Object> timer(long project, long activity, Map<String, Object> extra) {
		Map<String, Object> body = new HashMap<>(Map.of("projectId", project, "activityId", activity));
		body.putAll(extra);
		return body;
	}
}
