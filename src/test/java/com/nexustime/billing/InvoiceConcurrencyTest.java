package com.nexustime.billing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.nexustime.approval.ClientApprovalService;
import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/** Conversions that race: one invoice per approval, one invoice per entry, and numbers without gaps or repeats. */
class InvoiceConcurrencyTest extends IntegrationTest {

	static final LocalDate MONDAY = LocalDate.of(2022, 5, 2);

	@Autowired
	ClientApprovalService approvals;

	@Autowired
	InvoiceService invoices;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void twoConversionsOfOneApprovalAtOnceMakeExactlyOneInvoice() throws Exception {
		for (int round = 0; round < 3; round++) {
			BillingFixture fx = new BillingFixture(jdbc);
			long entry = fx.entry(fx.website, fx.design, MONDAY, 60, "100.00", "Concept");
			JsonNode approval = fx.approvedApproval(api, context, MONDAY, MONDAY.plusDays(6), "PROJECT");
			Api.Client manager = fx.manager.client(api);
			Api.Client admin = admin();
			Map<String, String> body = Map.of("approvalId", approval.get("id").asText());

			List<Api.Response> answers = race(List.of(() -> manager.post("/api/v1/invoices/from-time", body),
					() -> admin.post("/api/v1/invoices/from-time", body)));

			assertThat(answers).extracting(Api.Response::status).containsExactlyInAnyOrder(201, 409);
			assertThat(jdbc.sql("select count(*) from invoice where approval_id = ?").param(approval.get("id").asLong())
				.query(Long.class).single()).isEqualTo(1);
			assertThat(jdbc.sql("select count(*) from invoice_entry where entry_id = ?").param(entry)
				.query(Long.class).single()).isEqualTo(1);
			assertThat(fx.status(entry)).isEqualTo("BILLED");
		}
	}

	@Test
	void twoRangeConversionsOverTheSameEntriesBillEachEntryOnce() throws Exception {
		BillingFixture fx = new BillingFixture(jdbc);
		List<Long> entries = new ArrayList<>();
		for (int day = 0; day < 5; day++) {
			entries.add(fx.entry(day % 2 == 0 ? fx.website : fx.brochure, fx.design, MONDAY.plusDays(day), 60, "100.00",
					"Day " + day));
		}
		fx.finalizeDirectly(entries.stream().mapToLong(Long::longValue).toArray());
		Map<String, String> body = Map.of("contactId", String.valueOf(fx.contact), "from", MONDAY.toString(), "to",
				MONDAY.plusDays(6).toString());
		Api.Client manager = fx.manager.client(api);

		List<Api.Response> answers = race(List.of(() -> manager.post("/api/v1/invoices/from-time", body),
				() -> admin().post("/api/v1/invoices/from-time", body)));

		assertThat(answers).extracting(Api.Response::status).containsExactlyInAnyOrder(201, 409);
		for (long entry : entries) {
			assertThat(jdbc.sql("select count(*) from invoice_entry where entry_id = ?").param(entry)
				.query(Long.class).single()).isEqualTo(1);
			assertThat(fx.status(entry)).isEqualTo("BILLED");
		}
	}

	@Test
	void concurrentConversionsOfDifferentApprovalsGetConsecutiveNumbers() throws Exception {
		int count = 6;
		List<Callable<Api.Response>> conversions = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			BillingFixture fx = new BillingFixture(jdbc);
			fx.entry(fx.website, fx.design, MONDAY, 30 + i, "100.00", "Work " + i);
			JsonNode approval = fx.approvedApproval(api, context, MONDAY, MONDAY.plusDays(6), "PROJECT");
			Api.Client manager = fx.manager.client(api);
			conversions.add(() -> manager.post("/api/v1/invoices/from-time",
					Map.of("approvalId", approval.get("id").asText())));
		}

		List<Api.Response> answers = race(conversions);

		List<Integer> sequences = new ArrayList<>();
		for (Api.Response answer : answers) {
			assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
			String number = answer.json().get("number").asText();
			assertThat(number).matches("\\d{4}-\\d{4}");
			sequences.add(Integer.parseInt(number.substring(5)));
		}
		assertThat(Set.copyOf(sequences)).as("no number twice").hasSize(count);
		int first = sequences.stream().mapToInt(Integer::intValue).min().orElseThrow();
		assertThat(sequences).as("no gaps").containsExactlyInAnyOrderElementsOf(
				java.util.stream.IntStream.range(first, first + count).boxed().toList());
		int year = Integer.parseInt(answers.get(0).json().get("number").asText().substring(0, 4));
		assertThat(jdbc.sql("select last from invoice_counter where year = ?").param(year).query(Integer.class).single())
			.isEqualTo(first + count - 1);
	}

	@Test
	void ofTwoSendsOrTwoVoidsAtOnceTheSecondChangesNothing() throws Exception {
		BillingFixture fx = new BillingFixture(jdbc);
		long entry = fx.entry(fx.website, fx.design, MONDAY, 60, "100.00", "Concept");
		JsonNode approval = fx.approvedApproval(api, context, MONDAY, MONDAY.plusDays(6), "PROJECT");
		Api.Client manager = fx.manager.client(api);
		String id = manager.post("/api/v1/invoices/from-time", Map.of("approvalId", approval.get("id").asText())).json()
			.get("id").asText();

		List<Api.Response> sends = race(List.of(() -> manager.post("/api/v1/invoices/" + id + "/send", null),
				() -> admin().post("/api/v1/invoices/" + id + "/send", null)));
		assertThat(sends).extracting(Api.Response::status).containsExactlyInAnyOrder(200, 409);
		assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = ?").param(fx.contactEmail)
			.query(Long.class).single()).as("one mail").isEqualTo(1);

		List<Api.Response> voids = race(List.of(() -> manager.post("/api/v1/invoices/" + id + "/void", null),
				() -> admin().post("/api/v1/invoices/" + id + "/void", null)));
		assertThat(voids).extracting(Api.Response::status).containsExactlyInAnyOrder(200, 409);
		assertThat(fx.auditActions(id)).containsExactly("CREATE", "SEND", "VOID");
		assertThat(fx.status(entry)).isEqualTo("FINALIZED");
	}

	@Test
	void aConversionThatRollsBackGivesItsNumberBack() {
		BillingFixture fx = new BillingFixture(jdbc);
		long entry = fx.entry(fx.website, fx.design, MONDAY, 60, "100.00", "Concept");
		fx.finalizeDirectly(entry);
		CurrentUser manager = new CurrentUser(fx.manager.id(), fx.manager.email(), "Manager", "", true,
				Set.of(Role.MANAGER));
		TransactionTemplate template = new TransactionTemplate(transactions);

		String rolledBack = template.execute(status -> {
			String number = invoices.fromRange(manager, fx.contact, MONDAY, MONDAY.plusDays(6)).number();
			status.setRollbackOnly();
			return number;
		});
		assertThat(fx.status(entry)).isEqualTo("FINALIZED");

		Invoice kept = invoices.fromRange(manager, fx.contact, MONDAY, MONDAY.plusDays(6));
		assertThat(kept.number()).isEqualTo(rolledBack);
	}

	/** Runs the calls at the same moment on threads of their own; answers in the order given. */
	private static <T> List<T> race(List<Callable<T>> calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		try {
			CountDownLatch ready = new CountDownLatch(calls.size());
			CountDownLatch go = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> call : calls) {
				futures.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					return call.call();
				}));
			}
			assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
			go.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}
}
