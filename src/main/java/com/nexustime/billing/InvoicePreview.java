package com.nexustime.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.nexustime.system.security.CurrentUser;

/**
 * What an invoice would be, before it is made. The preview runs the very conversion that makes it
 * ({@link InvoiceMaking#fromTime}: the same selection, rules, line builder and refusals) in a transaction of its
 * own that is always rolled back, so it stores nothing — no invoice, no line, no billed entry, no number used, no
 * audit record — and cannot disagree with what the confirm button then makes. Only identity sequences advance.
 */
@Service
public class InvoicePreview {

	/** The invoice that {@code from-time} would make now: body of {@code POST /invoices/preview}. */
	public record Preview(Long approvalId, Long contactId, String contactName, LocalDate periodFrom,
			LocalDate periodTo, String currency, List<Invoice.Line> lines, BigDecimal total, int entryCount) {
	}

	private final InvoiceMaking making;

	private final TransactionTemplate rolledBack;

	InvoicePreview(InvoiceMaking making, PlatformTransactionManager transactions) {
		this.making = making;
		this.rolledBack = new TransactionTemplate(transactions);
		// its own transaction even inside another, so rolling it back never touches the caller's work
		this.rolledBack.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** The lines, total and entry count {@code request} would give; the same 404, 409 and 422 as making it. */
	Preview preview(CurrentUser user, InvoiceRequest request) {
		return rolledBack.execute(status -> {
			status.setRollbackOnly();
			Invoice would = making.fromTime(user, request);
			return new Preview(would.approvalId(), would.contactId(), would.contactName(), would.periodFrom(),
					would.periodTo(), would.currency(), would.lines(), would.total(), would.entryCount());
		});
	}
}
