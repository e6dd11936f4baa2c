package com.nexustime.tracking;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A repeatable measurement of {@code POST /api/v1/time-entries} against the shared test context, not a test:
 * 16 people with a Bearer token each save entries on their own project from 16 threads (closed loop), a warm-up
 * round first, then the measured rounds; prints saves/s and p50/p99. Runs only when asked:
 * {@code ./mvnw -q -o test -Dtest=SaveThroughputBench -Dbench=true [-Dbench.saves=4000 -Dbench.rounds=3]}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class SaveThroughputBench extends IntegrationTest {

	private static final int THREADS = 16;

	@Test
	void savesFrom16Connections() throws Exception {
		int saves = Integer.getInteger("bench.saves", 4000);
		int rounds = Integer.getInteger("bench.rounds", 3);
		TrackingFixture f = new TrackingFixture(jdbc);
		List<String> tokens = new ArrayList<>();
		List<Long> projects = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			TestUsers.TestUser person = TestUsers.create(jdbc, "STAFF");
			long project = f.project("STANDARD");
			f.projectRate(project, "80.00", LocalDate.of(2020, 1, 1));
			projects.add(project);
			tokens.add(person.client(api).post("/api/v1/me/tokens", Map.of("name", "bench " + i)).json().get("token")
				.asText());
		}
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		AtomicInteger day = new AtomicInteger();
		run(http, tokens, projects, f.design, saves / 4, day); // warm-up
		for (int round = 1; round <= rounds; round++) {
			long[] nanos = new long[saves];
			long started = System.nanoTime();
			int errors = run(http, tokens, projects, f.design, saves, day, nanos);
			double seconds = (System.nanoTime() - started) / 1e9;
			Arrays.sort(nanos);
			System.out.printf("BENCH saves round %d: %,d saves in %.2f s = %.0f saves/s, p50 %.1f ms, p99 %.1f ms, errors %d%n",
					round, saves, seconds, saves / seconds, nanos[saves / 2] / 1e6,
					nanos[(int) Math.ceil(saves * 0.99) - 1] / 1e6, errors);
			assertThat(errors).isZero();
		}
	}

	private int run(HttpClient http, List<String> tokens, List<Long> projects, long activity, int saves,
			AtomicInteger day) throws Exception {
		return run(http, tokens, projects, activity, saves, day, new long[saves]);
	}

	private int run(HttpClient http, List<String> tokens, List<Long> projects, long activity, int saves,
			AtomicInteger day, long[] nanos) throws Exception {
		AtomicInteger next = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		LocalDate today = LocalDate.now();
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		List<Future<?>> done = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			int person = t;
			done.add(pool.submit(() -> {
				for (int i = next.getAndIncrement(); i < saves; i = next.getAndIncrement()) {
					// five minutes a save, spread over the last year: no day reaches 24 hours
					LocalDate date = today.minusDays(day.getAndIncrement() % 365);
					String body = """
							{"type":"ACTIVITY","projectId":%d,"activityId":%d,"date":"%s","minutes":5}"""
						.formatted(projects.get(person), activity, date);
					HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/time-entries"))
						.header("Authorization", "Bearer " + tokens.get(person))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(body)).build();
					long begin = System.nanoTime();
					try {
						HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
						if (response.statusCode() != 201 && errors.getAndIncrement() == 0) {
							System.out.println("BENCH first error: " + response.statusCode() + " " + response.body());
						}
					}
					catch (Exception ex) {
						errors.incrementAndGet();
					}
					nanos[i] = System.nanoTime() - begin;
				}
				return null;
			}));
		}
		for (Future<?> f : done) {
			f.get();
		}
		pool.shutdown();
		return errors.get();
	}
}
