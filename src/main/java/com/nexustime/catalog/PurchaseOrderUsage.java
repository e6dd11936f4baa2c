package com.nexustime.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
		return of(List.of(projectId)).getOrDefault(projectId, List.of());
	}

	/**
	 * Every purchase order of each of the projects, ordered by number, in one query (the dashboard lists many
	 * projects at once); projects without a purchase order are absent.
	 */
	public Map<Long, List<Usage>> of(Collection<Long> projectIds) {
		if (projectIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("""
				with first_po as (select project_id, min(id) id from purchase_order
				                   where project_id = any(:projects) group by project_id)
				select po.id purchase_order_id, po.project_id, po.number, po.invoice_group, po.amount,
				       coalesce((select sum(e.amount) from time_entry e
				                  where e.project_id = po.project_id
				                    and (e.purchase_order_id = po.id
				                         or (e.purchase_order_id is null and po.id = f.id))), 0) cost
				  from purchase_order po join first_po f on f.project_id = po.project_id
				 where po.project_id = any(:projects)
				 order by po.project_id, po.number, po.id""")
			.param("projects", projectIds.toArray(Long[]::new)).query(Usage.class).list().stream()
			.collect(Collectors.groupingBy(Usage::projectId, LinkedHashMap::new, Collectors.toList()));
	}
}
