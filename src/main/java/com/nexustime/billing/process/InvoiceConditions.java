package com.nexustime.billing.process;

import org.springframework.stereotype.Component;

import com.nexustime.billing.InvoiceService;

/**
 * What the "Bill automatically?" gateway of client-approval.bpmn asks:
 * {@code ${invoicing.automatic() or invoicing.invoiced(approvalId)}}.
 */
@Component("invoicing")
public class InvoiceConditions {

	private final InvoiceService invoices;

	InvoiceConditions(InvoiceService invoices) {
		this.invoices = invoices;
	}

	/** The workspace setting "Bill approved client approvals automatically". */
	public boolean automatic() {
		return invoices.billsAutomatically();
	}

	/** True when someone made the approval's invoice before the process got here. */
	public boolean invoiced(Object approvalId) {
		return invoices.isInvoiced(Long.parseLong(approvalId.toString()));
	}
}
