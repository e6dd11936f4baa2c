package com.nexustime.budget;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nexustime.support.Api;
import com.nexustime.support.EditedRules;
import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether a purchase order is over its threshold is decided by rules/po-alerts.drl alone: with the line moved to
 * 50 % in the test copy, a save that reaches 60 % raises the alert and the Time tab marks the order; with the
 * shipped rules (95 %), the same usage does neither.
 */
class PoAlertRuleEditTest extends IntegrationTest {

	private BudgetFixture f;

	private java.math.BigDecimal thresholdBefore;

	@BeforeEach
	void setUp() {
		f = new BudgetFixture(jdbc);
		thresholdBefore = jdbc.sql("select po_alert_threshold_percent from workspace where id = 1")
			.query(java.math.BigDecimal.class).single();
		jdbc.sql("update workspace set po_alert_threshold_percent = 95 where id = 1").update();
	}

	@AfterEach
	void restoreWorkspace() {
		jdbc.sql("update workspace set po_alert_threshold_percent = ? where id = 1").param(thresholdBefore).update();
	}

	private JsonNode fixedCost(String amount) {
		Api.Response saved = f.staff.client(api).post("/api/v1/time-entries", Map.of("type", "FIXED_COST", "projectId",
				f.project, "activityId", f.fixedCost, "date", "2026-11-18", "amount", amount));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
		return saved.json();
	}

	private boolean overOnTheTimeTab() {
		JsonNode summary = admin().get("/api/v1/projects/" + f.project + "/summary").json();
		return summary.get("purchaseOrders").get(0).get("overThreshold").asBoolean();
	}

	@Test
	void theAlertOnSaveAndTheTimeTabFollowAnEditedThreshold() {
		// 30 % of the order: below either line
		assertThat(fixedCost("3000.00").path("alerts")).isEmpty();
		assertThat(overOnTheTimeTab()).isFalse();

		try (EditedRules edited = EditedRules.replace(admin(), "po-alerts.drl",
				"PoReading( percentBefore < threshold, percentAfter >= threshold )",
				"PoReading( percentBefore < 50, percentAfter >= 50 )")) {
			JsonNode crossing = fixedCost("3000.00");
			assertThat(crossing.path("alerts")).hasSize(1);
			assertThat(crossing.path("alerts").get(0).path("percent").asText()).isEqualTo("60.00");
			assertThat(f.alerts(f.project)).isEqualTo(1);
		}
		// 60 % under the shipped rules: not over the line
		assertThat(overOnTheTimeTab()).isFalse();
		try (EditedRules edited = EditedRules.replace(admin(), "po-alerts.drl", "PoReading( percentAfter >= threshold )",
				"PoReading( percentAfter >= 50 )")) {
			assertThat(overOnTheTimeTab()).isTrue();
		}
	}
}
