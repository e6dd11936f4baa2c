package com.nexustime.catalog;

import java.math.BigDecimal;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * A client's purchase order on a project: the money it covers for one invoice group. Cost booked against the
 * group is compared with the amount to raise the threshold alert.
 */
public record PurchaseOrder(@Id Long id, Long projectId, String number, BigDecimal amount, String invoiceGroup,
		@Version Integer version) {

	static PurchaseOrder create(Long projectId, PurchaseOrderForm form) {
		return new PurchaseOrder(null, projectId, form.getNumber().trim(), Project.money(form.getAmount()),
				form.getInvoiceGroup().trim(), null);
	}
}
