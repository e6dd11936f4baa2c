package com.nexustime.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.finance.ProjectFinances;
import com.nexustime.finance.ProjectSummary;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.security.Role;

/**
 * Client billing in a period. Every money figure comes from {@link ProjectFinances#summaries} (the statement
 * behind the Time tab), so a project's row here always equals its Time tab for the same period; this class only
 * chooses the projects and adds them up per client.
 */
@Service
@Transactional(readOnly = true)
public class ClientBilling {

	private final JdbcClient jdbc;

	private final ProjectFinances finances;

	private final TimeReports reports;

	ClientBilling(JdbcClient jdbc, ProjectFinances finances, TimeReports reports) {
		this.jdbc = jdbc;
		this.finances = finances;
		this.reports = reports;
	}

	/** The readers of the Time tab: admins, managers, auditors. */
	public static boolean mayRead(CurrentUser viewer) {
		return viewer.has(Role.ADMIN) || viewer.has(Role.MANAGER) || viewer.has(Role.AUDITOR);
	}

	/** Admins and auditors read every project; a manager (without either) only the projects they manage. */
	static boolean seesEveryProject(CurrentUser viewer) {
		return viewer.has(Role.ADMIN) || viewer.has(Role.AUDITOR);
	}

	private record ProjectRef(long id, String name, long contactId, String client) {
	}

	public ClientBillingReport report(ReportFilter filter, CurrentUser viewer) {
		if (!mayRead(viewer)) {
			throw new org.springframework.security.access.AccessDeniedException("client billing: not for staff");
		}
		Map<String, Object> parameters = new LinkedHashMap<>();
		String conditions = conditions(filter, viewer, parameters);
		// the projects in the viewer's and the filter's scope, with names and clients; of those, finance's summary
		// keeps the ones with an entry in the period (it reads its rollup and the edge days once for both)
		List<ProjectRef> inScope = jdbc.sql("""
				select p.id, p.name, c.id as contact_id, c.name as client
				  from project p
				  join contact c on c.id = p.contact_id
				 where true%s
				 order by c.name, c.id, p.name, p.id""".formatted(conditions))
			.params(parameters)
			.query((rs, n) -> new ProjectRef(rs.getLong("id"), rs.getString("name"), rs.getLong("contact_id"),
					rs.getString("client")))
			.list();
		Map<Long, ProjectSummary> summaries = finances.summariesOfProjectsWithEntries(
				inScope.stream().map(ProjectRef::id).toList(), filter.from(), filter.to());
		List<ProjectRef> projects = inScope.stream().filter(p -> summaries.containsKey(p.id())).toList();

		Map<Long, List<ClientBillingReport.Project>> byClient = new LinkedHashMap<>();
		Map<Long, ClientBillingReport.Money> clientMoney = new LinkedHashMap<>();
		Map<Long, String> clientNames = new LinkedHashMap<>();
		List<ClientBillingReport.InvoiceGroupCost> orders = new ArrayList<>();
		ClientBillingReport.Money totals = money(null);
		for (ProjectRef project : projects) {
			ProjectSummary summary = summaries.get(project.id());
			ClientBillingReport.Money money = money(summary);
			byClient.computeIfAbsent(project.contactId(), k -> new ArrayList<>())
				.add(new ClientBillingReport.Project(String.valueOf(project.id()), project.name(), money.billed(),
						money.finalized(), money.notBilled(), money.notBilledFixed(), money.notBilledAdjustments(),
						money.total()));
			clientMoney.merge(project.contactId(), money, ClientBillingReport.Money::plus);
			clientNames.putIfAbsent(project.contactId(), project.client());
			totals = totals.plus(money);
			if (summary != null) {
				summary.purchaseOrders().forEach(po -> orders.add(new ClientBillingReport.InvoiceGroupCost(
						String.valueOf(project.id()), project.name(), po.number(), po.invoiceGroup(), po.amount(),
						po.cost(), po.percentUsed())));
			}
		}
		List<ClientBillingReport.Client> rows = new ArrayList<>();
		byClient.forEach((contactId, projectRows) -> {
			ClientBillingReport.Money money = clientMoney.get(contactId);
			rows.add(new ClientBillingReport.Client(String.valueOf(contactId), clientNames.get(contactId),
					money.billed(), money.finalized(), money.notBilled(), money.notBilledFixed(),
					money.notBilledAdjustments(), money.total(), List.copyOf(projectRows)));
		});
		return new ClientBillingReport(filter.from(), filter.to(), reports.currency(), rows,
				costByVendor(filter, viewer), orders, totals);
	}

	/*
	 * Fixed costs are cost whatever their billing flags, as for purchase orders (PurchaseOrderUsage). One statement
	 * sums per vendor and attributed employee; the vendors' totals are folded from it, largest first.
	 */
	private List<ClientBillingReport.VendorCost> costByVendor(ReportFilter filter, CurrentUser viewer) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		String conditions = conditions(filter, viewer, parameters);
		record Part(Long vendorId, String vendor, Long employeeId, String employee, BigDecimal amount) {
		}
		List<Part> parts = jdbc.sql("""
				select v.id, coalesce(v.name, 'No vendor') as name, emp.id as employee_id,
				       coalesce(emp.name, 'Not attributed') as employee, sum(e.amount) as amount
				  from time_entry e
				  join project p on p.id = e.project_id
				  left join vendor v on v.id = e.vendor_id
				  left join app_user emp on emp.id = e.employee_id
				 where e.type = 'FIXED_COST' and e.entry_date between :from and :to%s
				 group by v.id, v.name, emp.id, emp.name
				 order by sum(e.amount) desc, emp.name nulls last""".formatted(conditions))
			.params(parameters)
			.query((rs, n) -> new Part((Long) rs.getObject("id"), rs.getString("name"),
					(Long) rs.getObject("employee_id"), rs.getString("employee"), rs.getBigDecimal("amount")))
			.list();
		Map<List<Object>, List<Part>> byVendor = new LinkedHashMap<>();
		parts.forEach(part -> byVendor.computeIfAbsent(java.util.Arrays.asList(part.vendorId(), part.vendor()),
				k -> new ArrayList<>()).add(part));
		List<ClientBillingReport.VendorCost> vendors = new ArrayList<>();
		byVendor.forEach((key, members) -> {
			Part first = members.get(0);
			vendors.add(new ClientBillingReport.VendorCost(
					first.vendorId() == null ? null : String.valueOf(first.vendorId()), first.vendor(),
					TimeReports.money(members.stream().map(Part::amount).reduce(BigDecimal.ZERO, BigDecimal::add)),
					members.stream().map(m -> new ClientBillingReport.EmployeeCost(
							m.employeeId() == null ? null : String.valueOf(m.employeeId()), m.employee(),
							TimeReports.money(m.amount()))).toList()));
		});
		vendors.sort(java.util.Comparator.comparing(ClientBillingReport.VendorCost::amount).reversed()
			.thenComparing(v -> v.vendorId() == null ? 1 : 0).thenComparing(ClientBillingReport.VendorCost::name));
		return vendors;
	}

	/* The same scope for the projects and the vendor costs, so the two parts of the answer cover the same projects. */
	private static String conditions(ReportFilter filter, CurrentUser viewer, Map<String, Object> parameters) {
		parameters.put("from", filter.from());
		parameters.put("to", filter.to());
		StringBuilder sql = new StringBuilder();
		if (!seesEveryProject(viewer)) {
			sql.append(" and p.manager_id = :viewer");
			parameters.put("viewer", viewer.id());
		}
		if (filter.projectId() != null) {
			sql.append(" and p.id = :projectId");
			parameters.put("projectId", filter.projectId());
		}
		if (filter.contactId() != null) {
			sql.append(" and p.contact_id = :contactId");
			parameters.put("contactId", filter.contactId());
		}
		return sql.toString();
	}

	private static ClientBillingReport.Money money(ProjectSummary summary) {
		if (summary == null) {
			BigDecimal zero = TimeReports.money(null);
			return new ClientBillingReport.Money(zero, zero, zero, zero, zero, zero);
		}
		return new ClientBillingReport.Money(summary.billed(), summary.finalizedToBill(), summary.notBilled(),
				summary.notBilledFixed(), summary.notBilledAdjustments(), summary.total());
	}
}
