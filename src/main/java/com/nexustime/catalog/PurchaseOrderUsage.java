package com.nexustime.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How much of each purchase order of a project is used: the cost of every entry that counts against it (all
 * types and states, "not invoiced" entries included, since they are still cost), as money and as a percentage
 * of the order's amount. An entry without a purchase order counts against the project's first one.
 * The one definition that the summary, the PO alerts and the reports share.
 */
@Component
public class PurchaseOrderUsage {

	/** One purchase order with the cost booked against it; {@code percentUsed} has two decimals, rounded half-up. */
	public record Usage(long purchaseOrderId, long projectId, String number, String invoiceGroup, BigDecimal amount,
			BigDecimal cost) {

		public BigDecimal percentUsed() {
			return cost.multiply(BigDecimal.valueOf(100)).divide(amount, 2, RoundingMode.HALF_UP);
		}
	}

	private final JdbcClient jdbc;

	PurchaseOrderUsage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every purchase order of the project, ordered by number. */
	public List<Usage> of(long projectId) {
		return jdbc.sql("""
				with first_po as (select min(id) id from purchase_order where project_id = :project)
				select po.id purchase_order_id, po.project_id, po.number, po.invoice_group, po.amount,
				       coalesce((select sum(e.amount) from time_entry e
				                  where e.project_id = po.project_id
				                    and (e.purchase_order_id = po.id
				                         or (e.purchase_order_id is null and po.id = (select id from first_po)))), 0) cost
				  from purchase_order po
				 where po.project_id = :project
				 order by po.number, po.id""")
			.param("project", projectId).query(Usage.class).list();
	}
}
