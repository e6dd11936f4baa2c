package com.nexustime.budget;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One crossing of a purchase order's alert threshold, as stored: which order, how far it was used before and
 * after the save, the money behind it, who saved and which entry, and the follow-up process with its outcome.
 */
public record PoAlert(Long id, Long purchaseOrderId, Long projectId, String poNumber, String invoiceGroup,
		BigDecimal thresholdPercent, BigDecimal percentBefore, BigDecimal percent, BigDecimal cost, BigDecimal amount,
		Instant raisedAt, Long raisedBy, Long timeEntryId, String processInstanceId, String outcome,
		String outcomeNote, Long followedUpBy, Instant followedUpAt) {

	static final String COLUMNS = """
			id, purchase_order_id, project_id, po_number, invoice_group, threshold_percent, percent_before, percent,
			cost, amount, raised_at, raised_by, time_entry_id, process_instance_id, outcome, outcome_note,
			followed_up_by, followed_up_at""";

	/** The percentage as people read it: "96 %", "95.5 %". */
	public String percentText() {
		return percentText(percent);
	}

	public static String percentText(BigDecimal percent) {
		return percent.stripTrailingZeros().toPlainString() + " %";
	}
}
