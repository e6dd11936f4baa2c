package com.nexustime.finance;

import java.math.BigDecimal;
import java.util.List;

import com.nexustime.catalog.ProjectStatus;

/**
 * Where a project stands on the way to the invoice, as the summary bar and {@code GET /projects/{id}/summary}
 * show it. Every amount has two decimals; {@code docs/project-finances.md} defines each one.
 */
public record ProjectSummary(Long projectId, ProjectStatus projectStatus, BigDecimal billed,
		BigDecimal finalizedToBill, BigDecimal notBilled, BigDecimal notBilledDc, BigDecimal notBilledHourly,
		BigDecimal notBilledFixed, BigDecimal notBilledAdjustments, BigDecimal total, BigDecimal perPiece,
		BigDecimal budget, List<PurchaseOrderLine> purchaseOrders) {

	/**
	 * One purchase order with the cost booked against it (the shared definition of {@code PurchaseOrderUsage});
	 * {@code overThreshold} is the PO-alert rules' answer for the usage now.
	 */
	public record PurchaseOrderLine(Long id, String number, String invoiceGroup, BigDecimal amount, BigDecimal cost,
			BigDecimal percentUsed, boolean overThreshold) {
	}

	ProjectSummary withPurchaseOrders(List<PurchaseOrderLine> orders) {
		return new ProjectSummary(projectId, projectStatus, billed, finalizedToBill, notBilled, notBilledDc,
				notBilledHourly, notBilledFixed, notBilledAdjustments, total, perPiece, budget, List.copyOf(orders));
	}

	/** The same figures with another per-piece figure (a per-piece project's is its artworks' prices). */
	ProjectSummary withPerPiece(BigDecimal artworkPrices) {
		return new ProjectSummary(projectId, projectStatus, billed, finalizedToBill, notBilled, notBilledDc,
				notBilledHourly, notBilledFixed, notBilledAdjustments, total, artworkPrices, budget, purchaseOrders);
	}
}
