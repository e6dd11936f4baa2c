package com.nexustime.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One purchase order as a save left it: the share of its amount used before the save ({@code percentBefore},
 * as recorded by the last save that looked) and after it ({@code percentAfter}), and the workspace's alert
 * threshold. Percentages have two decimals.
 */
public record PoReading(long purchaseOrderId, String number, String invoiceGroup, BigDecimal amount,
		BigDecimal percentBefore, BigDecimal percentAfter, BigDecimal threshold) {

	public PoReading {
		Objects.requireNonNull(percentBefore, "percentBefore");
		Objects.requireNonNull(percentAfter, "percentAfter");
		Objects.requireNonNull(threshold, "threshold");
	}
}
