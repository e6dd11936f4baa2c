package com.nexustime.budget;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.security.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/** The saves made of many entries (weekly grid, bulk import) and concurrent saves raise each crossing once. */
class PoAlertSavesTest extends IntegrationTest {

	private static final String WEEK = "/api/v1/timesheets/2026-11-16";

	@Autowired
	PoBudgetWatch watch;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	UserAccounts accounts;

	private BudgetFixture f;

	@BeforeEach
	void setUp() {
		f = new BudgetFixture(jdbc);
		f.projectRate(f.project, "100.00");
	}

	private void baseCost(String amount) {
		Api.Response saved = f.manager.client(api).post("/api/v1/time-entries", Map.of("type", "FIXED_COST",
				"projectId", f.project, "activityId", f.fixedCost, "date", "2026-11-02", "amount", amount));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
		assertThat(saved.json().path("alerts")).isEmpty();
	}

	private static Map<String, Object> row(long project, long activity, String... hours) {
		return Map.of("projectId", project, "activityId", activity, "hours", List.of(hours));
	}

	@Test
	void aGridSaveThatCrossesAnswersTheAlertOnce() {
		baseCost("9400.00");
		// 2 hours at 100.00 over two days: 9,600 of 10,000 after the save, one alert for the whole grid
		Api.Response saved = f.staff.client(api).put(WEEK,
				Map.of("rows", List.of(row(f.project, f.design, "1", "1", "", "", "", "", ""))));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		JsonNode alerts = saved.json().path("alerts");
		assertThat(alerts).hasSize(1);
		assertThat(alerts.get(0).path("type").asText()).isEqualTo("PO_THRESHOLD");
		assertThat(alerts.get(0).path("poNumber").asText()).isEqualTo(f.poNumber);
		assertThat(alerts.get(0).path("invoiceGroup").asText()).isEqualTo(f.invoiceGroup);
		assertThat(alerts.get(0).path("percent").asText()).isEqualTo("96.00");
		assertThat(f.alerts(f.project)).isEqualTo(1);

		// more hours on a later save: still above, nothing new; reading the grid shows no alert
		Api.Response more = f.staff.client(api).put(WEEK,
				Map.of("rows", List.of(row(f.project, f.design, "1", "1", "1", "", "", "", ""))));
		assertThat(more.json().path("alerts")).isEmpty();
		assertThat(f.staff.client(api).get(WEEK).json().path("alerts")).isEmpty();
		assertThat(f.alerts(f.project)).isEqualTo(1);

		// emptying the row falls below; filling it again crosses again
		assertThat(f.staff.client(api).put(WEEK, Map.of("rows", List.of(row(f.project, f.design, "", "", "", "", "",
				"", "")))).json().path("alerts")).isEmpty();
		assertThat(f.staff.client(api).put(WEEK, Map.of("rows", List.of(row(f.project, f.design, "", "", "", "3", "",
				"", "")))).json().path("alerts").findValuesAsText("percent")).containsExactly("97.00");
		assertThat(f.alerts(f.project)).isEqualTo(2);
	}

	@Test
	void aBulkImportThatCrossesAnswersTheAlertAndAPreviewRaisesNothing() {
		baseCost("9400.00");
		String text = "2026-11-17\t1\tPackaging " + f.unique + "\tDesign " + f.unique + "\n"
				+ "2026-11-18\t1.5\tPackaging " + f.unique + "\tDesign " + f.unique + "\n";
		Api.Response preview = f.staff.client(api).post("/api/v1/time-entries/bulk", Map.of("text", text, "dryRun", true));
		assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
		assertThat(preview.json().path("alerts")).isEmpty();
		assertThat(f.alerts(f.project)).isZero();

		Api.Response created = f.staff.client(api).post("/api/v1/time-entries/bulk", Map.of("text", text));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().path("alerts").findValuesAsText("percent")).containsExactly("96.50");
		assertThat(f.alerts(f.project)).isEqualTo(1);
	}

	@Test
	void twoConcurrentSavesThatCrossTogetherRaiseOneAlert() throws Exception {
		for (int round = 0; round < 3; round++) {
			BudgetFixture fresh = round == 0 ? f : new BudgetFixture(jdbc);
			f = fresh;
			baseCost("9400.00");
			// each alone stays below (94.60 %); together they reach 95.20 %
			List<Api.Client> savers = List.of(f.staff.client(api), f.otherStaff.client(api));
			CountDownLatch ready = new CountDownLatch(savers.size());
			CountDownLatch go = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(savers.size());
			try {
				List<Future<Api.Response>> saves = new ArrayList<>();
				for (Api.Client saver : savers) {
					saves.add(pool.submit(() -> {
						ready.countDown();
						go.await();
						return saver.post("/api/v1/time-entries", Map.of("type", "FIXED_COST", "projectId", fresh.project,
								"activityId", fresh.fixedCost, "date", "2026-11-18", "amount", "60.00"));
					}));
				}
				assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
				go.countDown();
				int alerts = 0;
				for (Future<Api.Response> save : saves) {
					Api.Response response = save.get(30, TimeUnit.SECONDS);
					assertThat(response.status()).as(response.toString()).isEqualTo(201);
					alerts += response.json().path("alerts").size();
				}
				assertThat(alerts).as("alerts answered in round %d", round).isEqualTo(1);
				assertThat(f.alerts(f.project)).as("alerts stored in round %d", round).isEqualTo(1);
				assertThat(jdbc.sql("select percent from po_alert where project_id = ?").param(f.project)
					.query(java.math.BigDecimal.class).single()).isEqualByComparingTo("95.20");
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	/**
	 * The project lock itself, without the rest of a save (whose audit chain happens to serialise saves too): a
	 * second check waits for the first save's commit and then sees its cost, so the crossing is raised once.
	 */
	@Test
	void aSecondCheckOfTheProjectWaitsForTheFirstSaveAndSeesItsCost() throws Exception {
		baseCost("9400.00");
		CurrentUser first = accounts.byId(f.staff.id()).orElseThrow();
		CurrentUser second = accounts.byId(f.otherStaff.id()).orElseThrow();
		TransactionTemplate tx = new TransactionTemplate(transactions);
		CountDownLatch firstChecked = new CountDownLatch(1);
		CountDownLatch commitFirst = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<List<PoAlert>> one = pool.submit(() -> tx.execute(status -> {
				List<PoAlert> raised = watch.changed(first, insertCost(first.id()), f.project);
				firstChecked.countDown();
				await(commitFirst);
				return raised;
			}));
			assertThat(firstChecked.await(10, TimeUnit.SECONDS)).isTrue();
			Future<List<PoAlert>> two = pool.submit(() -> tx.execute(
					status -> watch.changed(second, insertCost(second.id()), f.project)));
			Thread.sleep(500);
			assertThat(two.isDone()).as("the second check waits for the first save to commit").isFalse();
			commitFirst.countDown();
			assertThat(one.get(30, TimeUnit.SECONDS)).isEmpty();
			assertThat(two.get(30, TimeUnit.SECONDS)).singleElement()
				.satisfies(alert -> assertThat(alert.percent()).isEqualByComparingTo("95.20"));
		}
		finally {
			commitFirst.countDown();
			pool.shutdownNow();
		}
	}

	private long insertCost(long userId) {
		return jdbc.sql("insert into time_entry (type, user_id, project_id, activity_id, entry_date, amount) "
				+ "values ('FIXED_COST', ?, ?, ?, '2026-11-18', 60.00) returning id")
			.params(userId, f.project, f.fixedCost).query(Long.class).single();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
