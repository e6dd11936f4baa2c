package com.nexustime.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.catalog.Project;
import com.nexustime.catalog.ProjectService;
import com.nexustime.catalog.ProjectStatus;
import com.nexustime.catalog.PurchaseOrderUsage;
import com.nexustime.system.web.NotFoundException;
import com.nexustime.workspace.Workspace;
import com.nexustime.workspace.WorkspaceSettings;

/**
 * The money side of a project: the financial summary (one aggregate over the project's billing-relevant
 * entries) and the dollars grid (one row per entry, one query per page). The definitions are in
 * {@code docs/project-finances.md}.
 */
@Service
@Transactional(readOnly = true)
public class ProjectFinances {

	/** The most rows one page of the dollars grid holds. */
	public static final int MAX_PAGE_SIZE = 500;

	private final JdbcClient jdbc;

	private final ProjectService projects;

	private final PurchaseOrderUsage usage;

	private final WorkspaceSettings workspace;

	ProjectFinances(JdbcClient jdbc, ProjectService projects, PurchaseOrderUsage usage, WorkspaceSettings workspace) {
		this.jdbc = jdbc;
		this.projects = projects;
		this.usage = usage;
		this.workspace = workspace;
	}

	/*
	 * Billing-relevant entries are billable and not "not invoiced". An obsolete project's entries join only when
	 * they are already billed, so every bucket below shows what was invoiced and nothing more. The partial index
	 * time_entry_project_billing_idx (V14) covers exactly these rows and columns.
	 */
	static final String SUMMARY = """
			select p.id, p.status,
			       coalesce(sum(e.amount) filter (where e.status = 'BILLED'), 0) billed,
			       coalesce(sum(e.amount) filter (where e.status = 'FINALIZED'), 0) finalized,
			       coalesce(sum(e.amount) filter (where e.status in ('OPEN', 'IN_PROCESS') and e.type = 'ACTIVITY'
			                                        and a.category = 'DESIGN_CREATIVE'), 0) not_billed_dc,
			       coalesce(sum(e.amount) filter (where e.status in ('OPEN', 'IN_PROCESS') and e.type = 'ACTIVITY'
			                                        and a.category = 'MANAGEMENT'), 0) not_billed_hourly,
			       coalesce(sum(e.amount) filter (where e.status in ('OPEN', 'IN_PROCESS')
			                                        and e.type = 'FIXED_COST'), 0) not_billed_fixed,
			       coalesce(sum(e.amount) filter (where e.status in ('OPEN', 'IN_PROCESS')
			                                        and e.type = 'ADJUSTMENT'), 0) not_billed_adjustments,
			       coalesce(sum(e.amount) filter (where e.type = 'ACTIVITY' and a.category = 'PER_PIECE'), 0) per_piece,
			       coalesce(sum(e.amount) filter (where a.category = 'BUDGET'), 0) budget
			  from project p
			  left join time_entry e on e.project_id = p.id and e.billable and not e.not_invoiced
			                        and (p.status <> 'OBSOLETE' or e.status = 'BILLED')
			  left join activity a on a.id = e.activity_id
			 where p.id = any(:projects)
			 group by p.id, p.status""";

	public ProjectSummary summary(long projectId) {
		ProjectSummary summary = summaries(List.of(projectId)).get(projectId);
		if (summary == null) {
			throw new NotFoundException("Project", projectId);
		}
		return summary;
	}

	private static ProjectSummary summaryOf(ResultSet rs) throws SQLException {
		return summaryOf(rs.getLong("id"), rs);
	}

	private static ProjectSummary summaryOf(long projectId, ResultSet rs) throws SQLException {
		BigDecimal billed = money(rs.getBigDecimal("billed"));
		BigDecimal finalized = money(rs.getBigDecimal("finalized"));
		BigDecimal dc = money(rs.getBigDecimal("not_billed_dc"));
		BigDecimal hourly = money(rs.getBigDecimal("not_billed_hourly"));
		return new ProjectSummary(projectId, ProjectStatus.valueOf(rs.getString("status")), billed, finalized,
				dc.add(hourly), dc, hourly, money(rs.getBigDecimal("not_billed_fixed")),
				money(rs.getBigDecimal("not_billed_adjustments")), billed.add(finalized),
				money(rs.getBigDecimal("per_piece")), money(rs.getBigDecimal("budget")), List.of());
	}

	/**
	 * One row of the dollars grid: an entry with its activity, hours, rate, money (base dollars for time, rush or
	 * fixed dollars for fixed costs and adjustments), the week it belongs to, its invoice, artwork and purchase
	 * order. {@code inBilling} is false for entries the summary leaves out (non-billable, not invoiced, or
	 * not yet billed on an obsolete project).
	 */
	public record DollarRow(Long id, String type, LocalDate date, LocalDate weekOf, String employee, String activity,
			String category, BigDecimal hours, BigDecimal rate, BigDecimal baseDollars, BigDecimal rushFixed,
			BigDecimal amount, String status, boolean billed, LocalDate invoiceDate, Long invoiceId, String artwork,
			String packagingLevel, Integer alterationCount, String poNumber, boolean billable, boolean notInvoiced,
			boolean inBilling) {
	}

	/** Totals over every row the filter matches (not only this page). */
	public record DollarTotals(long rows, BigDecimal hours, BigDecimal baseDollars, BigDecimal rushFixed,
			BigDecimal amount) {

		static final DollarTotals NONE = new DollarTotals(0, zero(), zero(), zero(), zero());
	}

	public record DollarsPage(Long projectId, boolean hideZero, int page, int size, boolean hasMore,
			DollarTotals totals, List<DollarRow> rows) {
	}

	private record RowWithTotals(DollarRow row, DollarTotals totals) {
	}

	/*
	 * Newest first; the window sums run over every matching row before LIMIT, so the totals come with the page.
	 * An entry that names no purchase order counts against the project's first one, as in PurchaseOrderUsage.
	 */
	static final String DOLLARS = """
			with first_po as (select number from purchase_order where project_id = :project order by id limit 1)
			select e.id, e.type, e.entry_date, e.minutes, e.rate, e.amount, e.status, e.billed_on, e.invoice_id,
			       e.billable, e.not_invoiced, u.name employee, a.name activity, a.category,
			       aw.name artwork, aw.packaging_level, aw.alteration_count,
			       coalesce(po.number, (select number from first_po)) po_number,
			       count(*) over () total_rows,
			       coalesce(sum(e.minutes) over (), 0) total_minutes,
			       coalesce(sum(e.amount) filter (where e.type = 'ACTIVITY') over (), 0) total_base,
			       coalesce(sum(e.amount) filter (where e.type <> 'ACTIVITY') over (), 0) total_rush_fixed,
			       coalesce(sum(e.amount) over (), 0) total_amount
			  from time_entry e
			  join app_user u on u.id = e.user_id
			  left join activity a on a.id = e.activity_id
			  left join artwork aw on aw.id = e.artwork_id
			  left join purchase_order po on po.id = e.purchase_order_id
			 where e.project_id = :project and (not :hideZero or e.amount <> 0)
			 order by e.entry_date desc, e.id desc
			 limit :limit offset :offset""";

	/** One page of the dollars grid; {@code hideZero} leaves out entries worth nothing. */
	public DollarsPage dollars(long projectId, boolean hideZero, int page, int size) {
		Project project = projects.get(projectId);
		int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
		int pageNumber = Math.max(0, page);
		Workspace settings = workspace.current();
		boolean obsolete = project.status() == ProjectStatus.OBSOLETE;
		List<RowWithTotals> found = jdbc.sql(DOLLARS)
			.param("project", projectId)
			.param("hideZero", hideZero)
			.param("limit", pageSize + 1)
			.param("offset", (long) pageNumber * pageSize)
			.query((rs, n) -> dollarRow(rs, settings, obsolete))
			.list();
		boolean hasMore = found.size() > pageSize;
		List<RowWithTotals> shown = hasMore ? found.subList(0, pageSize) : found;
		DollarTotals totals = shown.isEmpty() ? DollarTotals.NONE : shown.get(0).totals();
		return new DollarsPage(projectId, hideZero, pageNumber, pageSize, hasMore, totals,
				shown.stream().map(RowWithTotals::row).toList());
	}

	private static RowWithTotals dollarRow(ResultSet rs, Workspace settings, boolean obsolete) throws SQLException {
		LocalDate date = rs.getObject("entry_date", LocalDate.class);
		String type = rs.getString("type");
		Integer minutes = (Integer) rs.getObject("minutes");
		BigDecimal amount = money(rs.getBigDecimal("amount"));
		boolean activity = "ACTIVITY".equals(type);
		String status = rs.getString("status");
		boolean billed = "BILLED".equals(status);
		boolean billable = rs.getBoolean("billable");
		boolean notInvoiced = rs.getBoolean("not_invoiced");
		DollarRow row = new DollarRow(rs.getLong("id"), type, date, settings.weekContaining(date),
				rs.getString("employee"), rs.getString("activity"), rs.getString("category"),
				minutes == null ? null : hours(minutes), rs.getBigDecimal("rate"), activity ? amount : zero(),
				activity ? zero() : amount, amount, status, billed, rs.getObject("billed_on", LocalDate.class),
				(Long) rs.getObject("invoice_id"), rs.getString("artwork"), rs.getString("packaging_level"),
				(Integer) rs.getObject("alteration_count"), rs.getString("po_number"), billable, notInvoiced,
				billable && !notInvoiced && (!obsolete || billed));
		DollarTotals totals = new DollarTotals(rs.getLong("total_rows"), hours(rs.getLong("total_minutes")),
				money(rs.getBigDecimal("total_base")), money(rs.getBigDecimal("total_rush_fixed")),
				money(rs.getBigDecimal("total_amount")));
		return new RowWithTotals(row, totals);
	}

	static BigDecimal money(BigDecimal value) {
		return value == null ? zero() : value.setScale(2, RoundingMode.HALF_UP);
	}

	static BigDecimal hours(long minutes) {
		return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
	}

	private static BigDecimal zero() {
		return BigDecimal.ZERO.setScale(2);
	}

	/**
	 * The summary of each of the projects, exactly as {@link #summary} answers it for one (the Time tab reads it
	 * through here too): one aggregate for all of them and one purchase-order query, never one per project.
	 * Unknown ids are absent from the answer.
	 */
	public Map<Long, ProjectSummary> summaries(Collection<Long> projectIds) {
		if (projectIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, ProjectSummary> money = new LinkedHashMap<>();
		jdbc.sql(SUMMARY).param("projects", projectIds.toArray(Long[]::new))
			.query((rs, n) -> summaryOf(rs)).list()
			.forEach(summary -> money.put(summary.projectId(), summary));
		Map<Long, List<PurchaseOrderUsage.Usage>> orders = usage.of(money.keySet());
		money.replaceAll((id, summary) -> summary.withPurchaseOrders(orders.getOrDefault(id, List.of()).stream()
			.map(u -> new ProjectSummary.PurchaseOrderLine(u.purchaseOrderId(), u.number(), u.invoiceGroup(),
					money(u.amount()), money(u.cost()), u.percentUsed()))
			.toList()));
		return money;
	}

	/** Hours one person has booked on a project, every type and state, since the project began. */
	public record PersonHours(long userId, String name, BigDecimal hours) {
	}

	/*
	 * Read from the monthly rollup the entry triggers keep (V23), so a project's whole history is a few rows per
	 * person and month rather than every entry; V35 indexes it by project.
	 */
	static final String ASSIGNMENT = """
			select project_id, user_id, name, minutes
			  from (select r.project_id, r.user_id, u.name, sum(r.minutes) minutes,
			               row_number() over (partition by r.project_id order by sum(r.minutes) desc, u.name, r.user_id) rank
			          from time_entry_month_rollup r join app_user u on u.id = r.user_id
			         where r.project_id = any(:projects)
			         group by r.project_id, r.user_id, u.name
			        having sum(r.minutes) > 0) people
			 where rank <= :top
			 order by project_id, minutes desc, name, user_id""";

	/**
	 * Who worked on each of the projects and how long: the {@code top} people with the most hours per project,
	 * most first. One query for all the projects.
	 */
	public Map<Long, List<PersonHours>> assignment(Collection<Long> projectIds, int top) {
		if (projectIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, List<PersonHours>> people = new LinkedHashMap<>();
		jdbc.sql(ASSIGNMENT).param("projects", projectIds.toArray(Long[]::new)).param("top", Math.max(1, top))
			.query((rs, n) -> {
				people.computeIfAbsent(rs.getLong("project_id"), id -> new ArrayList<>())
					.add(new PersonHours(rs.getLong("user_id"), rs.getString("name"), hours(rs.getLong("minutes"))));
				return null;
			})
			.list();
		return people;
	}
}
