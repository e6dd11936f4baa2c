package com.nexustime.billing.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.nexustime.approval.ClientApprovalService;
import com.nexustime.billing.Invoice;
import com.nexustime.billing.InvoiceService;
import com.nexustime.system.web.ConflictException;
import com.nexustime.system.web.RuleViolationException;

/**
 * Completing "Convert to invoice" makes the invoice when nobody has yet (an invoice made on the API or the
 * approval's page completes the task itself, and this listener then finds it). A refusal keeps the task open
 * and tells the person why.
 */
@Component("convertToInvoiceOnComplete")
class ConvertToInvoiceListener implements TaskListener {

	private final InvoiceService invoices;

	private final ClientApprovalService approvals;

	ConvertToInvoiceListener(InvoiceService invoices, ClientApprovalService approvals) {
		this.invoices = invoices;
		this.approvals = approvals;
	}

	@Override
	public void notify(DelegateTask task) {
		try {
			Invoice invoice = invoices.forApprovalInProcess(ApprovalInvoiceVariables.approvalId(task,
					task.getProcessInstanceId(), approvals),
					ApprovalInvoiceVariables.completedBy(task, task.getAssignee()));
			task.setVariable("invoiceId", String.valueOf(invoice.id()));
		}
		catch (ConflictException refused) {
			// the tasklist answers rule refusals of a completion with 422 and keeps the task
			throw new RuleViolationException("invoice", refused.getMessage());
		}
	}
}
