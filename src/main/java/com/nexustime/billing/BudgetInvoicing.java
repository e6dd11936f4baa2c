package com.nexustime.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What invoices billed for invoice-budget projects: the sum of their budget lines on invoices that are not void.
 * The Time tab's summary and the dashboard read it, since {@code invoice_line} is billing's own.
 */
@Component
public class BudgetInvoicing {

	private final InvoiceStore store;

	BudgetInvoicing(InvoiceStore store) {
		this.store = store;
	}

	/** By project id; a project no live invoice billed a budget line for is left out. */
	@Transactional(readOnly = true)
	public Map<Long, BigDecimal> invoicedBudget(Collection<Long> projectIds) {
		return store.budgetBilled(projectIds, null, null);
	}

	/** The same, of the invoices issued from {@code from} to {@code to} (both included): a report's period. */
	@Transactional(readOnly = true)
	public Map<Long, BigDecimal> invoicedBudget(Collection<Long> projectIds, LocalDate from, LocalDate to) {
		return store.budgetBilled(projectIds, from, to);
	}
}
