package com.nexustime.billing;

/**
 * What the invoice PDF and mail show: the invoice with its lines, who it is for, and the workspace's branding.
 * {@code approvalUrl} and the invoice's snapshot hash link an invoice made from an approval to what was signed.
 */
record InvoiceDocument(Invoice invoice, String workspaceName, String brandColor, String senderName,
		String contactName, String contactEmail, String contactCompany) {
}
