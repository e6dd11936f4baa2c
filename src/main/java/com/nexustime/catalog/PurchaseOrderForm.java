package com.nexustime.catalog;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /projects/{id}/purchase-orders} and the fields of the form on the project page. */
public class PurchaseOrderForm {

	@NotBlank(message = "Enter the PO number")
	@Size(max = 100, message = "Use at most 100 characters")
	private String number;

	@NotNull(message = "Enter the amount")
	@DecimalMin(value = "0.00", inclusive = false, message = "The amount must be more than zero")
	@Digits(integer = 12, fraction = 2, message = "Use at most 12 digits and 2 decimals")
	private BigDecimal amount;

	@NotBlank(message = "Enter the invoice group")
	@Size(max = 100, message = "Use at most 100 characters")
	private String invoiceGroup;

	public String getNumber() {
		return number;
	}

	public void setNumber(String number) {
		this.number = number;
	}

	public BigDecimal getAmount() {
		return amount;
	}

	public void setAmount(BigDecimal amount) {
		this.amount = amount;
	}

	public String getInvoiceGroup() {
		return invoiceGroup;
	}

	public void setInvoiceGroup(String invoiceGroup) {
		this.invoiceGroup = invoiceGroup;
	}
}
