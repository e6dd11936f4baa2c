package com.nexustime.billing;

/** What the client's invoice page shows: the invoice with its lines, who it is for, and the workspace's branding. */
public record PublicInvoice(Invoice invoice, String workspaceName, String brandColor, String senderName,
		String contactName, String contactCompany) {

	public boolean isVoid() {
		return "VOID".equals(invoice.status());
	}

	public boolean isPaid() {
		return "PAID".equals(invoice.status());
	}

	/** The status in the client's words. */
	public String statusText() {
		return switch (invoice.status()) {
			case "PAID" -> "Paid";
			case "VOID" -> "Void";
			default -> "Awaiting payment";
		};
	}
}
