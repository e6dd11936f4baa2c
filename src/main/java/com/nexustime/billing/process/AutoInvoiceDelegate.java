package com.nexustime.billing.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.nexustime.approval.ClientApprovalService;
import com.nexustime.billing.Invoice;
import com.nexustime.billing.InvoiceService;

/** "Make the invoice" in client-approval.bpmn (asynchronous, retried): bills the approval without a person. */
@Component("makeInvoiceFromApproval")
class AutoInvoiceDelegate implements JavaDelegate {

	private final InvoiceService invoices;

	private final ClientApprovalService approvals;

	AutoInvoiceDelegate(InvoiceService invoices, ClientApprovalService approvals) {
		this.invoices = invoices;
		this.approvals = approvals;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Invoice invoice = invoices.forApprovalInProcess(ApprovalInvoiceVariables.approvalId(execution,
				execution.getProcessInstanceId(), approvals), null);
		execution.setVariable("invoiceId", String.valueOf(invoice.id()));
	}
}
