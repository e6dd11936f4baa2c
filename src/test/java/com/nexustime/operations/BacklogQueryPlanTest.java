package com.nexustime.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.nexustime.support.IntegrationTest;

/**
 * Each gauge a scrape reads is one count an index can answer, never a walk through a large table: the plans with
 * sequential scans priced out (the test tables are small, so the planner would otherwise pick them for free).
 */
class BacklogQueryPlanTest extends IntegrationTest {

	@Autowired
	private PlatformTransactionManager transactions;

	@Test
	void outboxAndAuditBacklogsAreAnsweredFromIndexes() {
		assertThat(plan("select count(*) from mail_outbox where status = 'PENDING'"))
			.contains("mail_outbox_due_idx").doesNotContain("Seq Scan");
		String audit = plan("""
				select count(*) from audit_log
				where id > (select coalesce(max(record_id), 0) from audit_seal)""");
		assertThat(audit).contains("audit_log_pkey").doesNotContain("Seq Scan");
		// the engine's runtime job table holds only jobs not yet done; printed for the record
		plan("select count(*) from act_ru_job where retries_ > 0 and (duedate_ is null or duedate_ <= now())"
				+ " and suspension_state_ = 1");
	}

	private String plan(String query) {
		List<String> lines = new TransactionTemplate(transactions).execute(status -> {
			jdbc.sql("set local enable_seqscan = off").update();
			jdbc.sql("set local enable_bitmapscan = off").update();
			return jdbc.sql("explain " + query).query(String.class).list();
		});
		String plan = String.join("\n", lines);
		System.out.println(query + "\n" + plan + "\n");
		return plan;
	}
}
