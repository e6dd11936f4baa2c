package com.nexustime.rules;

import java.math.BigDecimal;

/** The PO-alert rules' answer for one purchase order: its cost reached the threshold with this save. */
public record PoCrossing(long purchaseOrderId, String number, String invoiceGroup, BigDecimal percent,
		BigDecimal threshold) {

	/** Called by a rule: the reading crossed the threshold. */
	public static PoCrossing of(PoReading reading) {
		return new PoCrossing(reading.purchaseOrderId(), reading.number(), reading.invoiceGroup(),
				reading.percentAfter(), reading.threshold());
	}
}
