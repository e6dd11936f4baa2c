package com.nexustime.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Per client, then project: the money of the entries dated in the period by state, exactly as each project's
 * Time tab shows it for that period; the fixed costs by vendor; and the purchase orders' use (to date) by invoice
 * group for the projects that have them.
 */
public record ClientBillingReport(LocalDate from, LocalDate to, String currency, List<Client> rows,
		List<VendorCost> costByVendor, List<InvoiceGroupCost> purchaseOrders, Money totals) {

	/** {@code notBilled} is the Time tab's "Not billed" (design/creative and hourly time); fixed costs and
	 * adjustments not yet billed are beside it, as on the tab; {@code total} is billed plus finalized. */
	public record Money(BigDecimal billed, BigDecimal finalized, BigDecimal notBilled, BigDecimal notBilledFixed,
			BigDecimal notBilledAdjustments, BigDecimal total) {

		Money plus(Money other) {
			return new Money(billed.add(other.billed), finalized.add(other.finalized), notBilled.add(other.notBilled),
					notBilledFixed.add(other.notBilledFixed), notBilledAdjustments.add(other.notBilledAdjustments),
					total.add(other.total));
		}
	}

	public record Client(String contactId, String name, BigDecimal billed, BigDecimal finalized, BigDecimal notBilled,
			BigDecimal notBilledFixed, BigDecimal notBilledAdjustments, BigDecimal total, List<Project> projects) {
	}

	public record Project(String projectId, String name, BigDecimal billed, BigDecimal finalized,
			BigDecimal notBilled, BigDecimal notBilledFixed, BigDecimal notBilledAdjustments, BigDecimal total) {
	}

	/** A vendor's fixed costs in the period, and the same split by the employee each cost is attributed to. */
	public record VendorCost(String vendorId, String name, BigDecimal amount, List<EmployeeCost> byEmployee) {
	}

	/** {@code employeeId} null: costs attributed to nobody. */
	public record EmployeeCost(String employeeId, String name, BigDecimal amount) {
	}

	/** One purchase order: its invoice group, amount, the cost booked against it to date and the share used. */
	public record InvoiceGroupCost(String projectId, String project, String number, String invoiceGroup,
			BigDecimal amount, BigDecimal cost, BigDecimal percentUsed) {
	}
}
