package com.nexustime.rules;

/** The PO-alert rules' answer for one purchase order: its cost is at or over the alert threshold now. */
public record PoOverThreshold(long purchaseOrderId) {

	/** Called by a rule: the reading's usage is over the line. */
	public static PoOverThreshold of(PoReading reading) {
		return new PoOverThreshold(reading.purchaseOrderId());
	}
}
