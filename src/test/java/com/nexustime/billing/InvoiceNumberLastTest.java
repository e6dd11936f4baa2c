package com.nexustime.billing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An invoice takes its number last: the year's counter row is locked from the number until commit, so the rest of
 * the conversion (the invoice's rows, the entries billed, the engine's "Convert to invoice" task) must already be
 * done when a conversion starts waiting for it. And no invoice commits without its number.
 */
class InvoiceNumberLastTest extends IntegrationTest {

	static final LocalDate MONDAY = LocalDate.of(2022, 6, 6);

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aConversionWaitingForItsNumberHasAlreadyWrittenTheInvoiceAndCompletedTheTask() throws Exception {
		BillingFixture fx = new BillingFixture(jdbc);
		fx.entry(fx.website, fx.design, MONDAY, 60, "100.00", "Concept");
		JsonNode approval = fx.approvedApproval(api, context, MONDAY, MONDAY.plusDays(6), "PROJECT");
		Api.Client manager = fx.manager.client(api);
		int year = LocalDate.now().getYear();
		for (int y = year - 1; y <= year + 1; y++) {
			// a counter row to hold (in this test database a year without one only loses its number 1)
			jdbc.sql("insert into invoice_counter (year, last) values (?, 1) on conflict (year) do nothing").param(y)
				.update();
		}
		CompletableFuture<Api.Response> made;
		try (Connection holder = dataSource.getConnection()) {
			holder.setAutoCommit(false);
			long holderPid;
			try (Statement s = holder.createStatement()) {
				// another conversion being numbered: the year's counter row is held until it commits
				s.executeQuery("select last from invoice_counter where year between " + (year - 1) + " and "
						+ (year + 1) + " for update").close();
				try (ResultSet pid = s.executeQuery("select pg_backend_pid()")) {
					pid.next();
					holderPid = pid.getLong(1);
				}
			}
			made = CompletableFuture.supplyAsync(() -> manager.post("/api/v1/invoices/from-time",
					Map.of("approvalId", approval.get("id").asText())));
			Integer waiting = null;
			for (int i = 0; i < 300 && waiting == null; i++) {
				waiting = jdbc.sql("""
						select pid from pg_stat_activity
						 where wait_event_type = 'Lock' and cast(? as integer) = any(pg_blocking_pids(pid))""")
					.param(holderPid).query(Integer.class).optional().orElse(null);
				if (waiting == null) {
					Thread.sleep(50);
				}
			}
			assertThat(waiting).as("the conversion waits for the counter").isNotNull();
			String statement = jdbc.sql("select query from pg_stat_activity where pid = ?").param(waiting)
				.query(String.class).single();
			assertThat(statement).contains("invoice_counter");
			// what the waiting transaction has written so far: its tables carry its row-exclusive locks
			List<String> written = new ArrayList<>(jdbc.sql("""
					select c.relname from pg_locks l join pg_class c on c.oid = l.relation
					 where l.pid = ? and l.mode = 'RowExclusiveLock' and l.granted""")
				.param(waiting).query(String.class).list());
			assertThat(written).as("written before the number was asked for").contains("invoice", "invoice_line",
					"invoice_entry", "time_entry", "act_ru_task");
			holder.rollback();
		}
		Api.Response answer = made.get(60, TimeUnit.SECONDS);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		assertThat(answer.json().get("number").asText()).matches("\\d{4}-\\d{4}");
		assertThat(jdbc.sql("select count(*) from act_ru_task where proc_inst_id_ = (select process_instance_id "
				+ "from client_approval where id = ?)").param(approval.get("id").asLong()).query(Long.class).single())
			.as("the owner's task is done").isZero();
	}

	@Test
	void anInvoiceWithoutItsNumberCannotCommit() {
		BillingFixture fx = new BillingFixture(jdbc);
		TransactionTemplate template = new TransactionTemplate(transactions);
		assertThatThrownBy(() -> template.executeWithoutResult(status -> jdbc.sql("""
				insert into invoice (contact_id, issue_date, period_from, period_to, total, currency)
				values (?, current_date, current_date, current_date, 10, 'EUR')""").param(fx.contact).update()))
			.hasMessageContaining("without its number");
		assertThat(jdbc.sql("select count(*) from invoice where number is null").query(Long.class).single()).isZero();
	}
	@Test
	void theInvoiceListGoesByNumberNotByTheOrderTheRowsWereWritten() {
		BillingFixture fx = new BillingFixture(jdbc);
		LocalDate first = MONDAY.plusWeeks(10);
		LocalDate second = first.plusWeeks(1);
		fx.entry(fx.website, fx.design, first, 60, "100.00", "Concept");
		fx.entry(fx.website, fx.design, second, 60, "100.00", "Layout");
		Api.Client manager = fx.manager.client(api);
		long older = manager.post("/api/v1/invoices/from-time", Map.of("approvalId",
				fx.approvedApproval(api, context, first, first.plusDays(6), "PROJECT").get("id").asText()))
			.json().get("id").asLong();
		long newer = manager.post("/api/v1/invoices/from-time", Map.of("approvalId",
				fx.approvedApproval(api, context, second, second.plusDays(6), "PROJECT").get("id").asText()))
			.json().get("id").asLong();
		// two conversions that ran together: the row written first reached the counter last and got the later number
		swapNumbers(older, newer);

		JsonNode listed = manager.get("/api/v1/invoices?contactId=" + fx.contact).json();

		List<Long> ids = new ArrayList<>();
		listed.forEach(invoice -> ids.add(invoice.get("id").asLong()));
		assertThat(ids).containsExactly(older, newer);
	}

	private void swapNumbers(long a, long b) {
		new TransactionTemplate(transactions).executeWithoutResult(tx -> {
			Map<String, Object> first = jdbc.sql("select number, sequence from invoice where id = ?").param(a)
				.query().singleRow();
			Map<String, Object> second = jdbc.sql("select number, sequence from invoice where id = ?").param(b)
				.query().singleRow();
			jdbc.sql("update invoice set number = number || '-moving', sequence = 999999 where id = ?").param(a)
				.update();
			jdbc.sql("update invoice set number = ?, sequence = ? where id = ?")
				.params(first.get("number"), first.get("sequence"), b).update();
			jdbc.sql("update invoice set number = ?, sequence = ? where id = ?")
				.params(second.get("number"), second.get("sequence"), a).update();
		});
	}
}
