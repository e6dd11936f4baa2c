package com.nexustime.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.PreparedStatementCreatorFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.billing.BudgetInvoicing;
import com.nexustime.catalog.Project;
import com.nexustime.catalog.ProjectService;
import com.nexustime.catalog.ProjectStatus;
import com.nexustime.catalog.PurchaseOrderUsage;
import com.nexustime.rules.InvoiceCandidate;
import com.nexustime.rules.InvoicingRules;
import com.nexustime.rules.PoAlertRules;
import com.nexustime.rules.PoReading;
import com.nexustime.system.web.NotFoundException;
import com.nexustime.workspace.Workspace;
import com.nexustime.workspace.WorkspaceSettings;

/**
 * The money side of a project: the financial summary (the project's entries, which the invoicing rules judge in
 * one session, summed by status, type and activity category) and the dollars grid (one row per entry, one query
 * and one rule session per page). The definitions are in
 * {@code docs/project-finances.md}.
 */
@Service
@Transactional(readOnly = true)
public class ProjectFinances {

	/** The most rows one page of the dollars grid holds. */
	public static final int MAX_PAGE_SIZE = 500;

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final ProjectService projects;

	private final PurchaseOrderUsage usage;

	private final WorkspaceSettings workspace;

	private final InvoicingRules invoicing;

	private final PoAlertRules poRules;

	private final BudgetInvoicing budgetInvoicing;

	private final ArtworkMoney artworkMoney;

	ProjectFinances(JdbcClient jdbc, JdbcTemplate jdbcTemplate, ProjectService projects, PurchaseOrderUsage usage, WorkspaceSettings workspace,
			InvoicingRules invoicing, PoAlertRules poRules, BudgetInvoicing budgetInvoicing, ArtworkMoney artworkMoney) {
		this.budgetInvoicing = budgetInvoicing;
		this.artworkMoney = artworkMoney;
		this.invoicing = invoicing;
		this.poRules = poRules;
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.projects = projects;
		this.usage = usage;
		this.workspace = workspace;
	}

	/** The period {@link #summary(long)} covers: every entry, whatever its date. */
	public static final LocalDate ALL_TIME_FROM = LocalDate.of(1900, 1, 1);

	public static final LocalDate ALL_TIME_TO = LocalDate.of(9999, 12, 31);

	/*
	 * The projects' entries in the period summed by kind: status, type, activity (and so category), the billable
	 * and not-invoiced flags. A kind is what the invoicing rules judge (rules/invoicing.drl sees an entry's kind,
	 * not its person, day or amount), so the rules are asked once per kind of unbilled entry, all projects in one
	 * session, and a sum never reads the entries one by one. What was invoiced (BILLED) counts as billed whatever
	 * the rules say now. The whole months of the period come from the kind rollup the entry triggers keep (V41),
	 * the days before the first and after the last whole month from time_entry (by project and date). The sums
	 * are taken over the narrow key (ids, status, flags) before the project and activity are joined: grouping the
	 * joined rows by their names too made PostgreSQL sort every rollup row on disk (144,000 rows at a million
	 * entries; docs/benchmarks.md, "Dashboard and money reports at a million entries").
	 */
	static final String SUMMARY = """
			with kinds as (
			select k.project_id, k.status, k.type, k.activity_id, k.billable, k.not_invoiced, k.amount
			  from time_entry_kind_rollup k
			 where k.project_id = any(:projects) and k.month between :firstWhole and :lastWhole and k.entries <> 0
			union all
			select e.project_id, e.status, e.type, e.activity_id, e.billable, e.not_invoiced, e.amount
			  from time_entry e
			 where e.project_id = any(:projects) and e.entry_date between :headFrom and :headTo
			union all
			select e.project_id, e.status, e.type, e.activity_id, e.billable, e.not_invoiced, e.amount
			  from time_entry e
			 where e.project_id = any(:projects) and e.entry_date between :tailFrom and :tailTo
			),
			sums as (
			select project_id, status, type, activity_id, billable, not_invoiced, sum(amount) amount
			  from kinds
			 group by project_id, status, type, activity_id, billable, not_invoiced
			)
			select p.id project_id, p.status project_status, e.status, e.type, e.activity_id, a.name activity_name,
			       a.category, e.billable, e.not_invoiced, e.amount
			  from project p
			  left join sums e on e.project_id = p.id
			  left join activity a on a.id = e.activity_id
			 where p.id = any(:projects)""";

	/**
	 * How a period splits between the rollup and the entries: the months from {@code firstWhole} to
	 * {@code lastWhole} (their first days) lie wholly inside the period and are read from the rollup; the days
	 * from {@code headFrom} to {@code headTo} before them and from {@code tailFrom} to {@code tailTo} after them
	 * are read from the entries. An empty edge is a range that ends the day before it starts; a period without a
	 * whole month has {@code firstWhole} after {@code lastWhole} and is all head.
	 */
	public record MonthSplit(LocalDate firstWhole, LocalDate lastWhole, LocalDate headFrom, LocalDate headTo,
			LocalDate tailFrom, LocalDate tailTo) {

		public static MonthSplit of(LocalDate from, LocalDate to) {
			LocalDate first = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
			boolean toMonthEnds = to.getDayOfMonth() == to.lengthOfMonth();
			LocalDate last = toMonthEnds ? to.withDayOfMonth(1) : to.withDayOfMonth(1).minusMonths(1);
			LocalDate none = from.minusDays(1);
			if (last.isBefore(first)) {
				return new MonthSplit(first, last, from, to, from, none);
			}
			LocalDate head = first.equals(from) ? none : first.minusDays(1);
			return toMonthEnds ? new MonthSplit(first, last, from, head, from, none)
					: new MonthSplit(first, last, from, head, last.plusMonths(1), to);
		}
	}

	private record KindSum(long projectId, String projectStatus, String status, InvoiceCandidate kind,
			BigDecimal amount) {
	}

	/** The project's figures over all its entries, as its Time tab shows them. */
	public ProjectSummary summary(long projectId) {
		return summary(projectId, ALL_TIME_FROM, ALL_TIME_TO);
	}

	/**
	 * The project's figures over the entries dated from {@code from} to {@code to} (both included). The purchase
	 * orders show their use to date whatever the period, as a PO is used up over the project's life.
	 */
	public ProjectSummary summary(long projectId, LocalDate from, LocalDate to) {
		ProjectSummary found = summaries(List.of(projectId), from, to).get(projectId);
		if (found == null) {
			throw new NotFoundException("Project", projectId);
		}
		return found;
	}

	/** Several projects' figures over all their entries (the dashboard), as their Time tabs show them. */
	public Map<Long, ProjectSummary> summaries(Collection<Long> projectIds) {
		return summaries(projectIds, ALL_TIME_FROM, ALL_TIME_TO);
	}

	/**
	 * The figures of several projects over one period (reports, the dashboard, the Time tab): one statement, one
	 * rule session, keyed by project id in the order asked; ids that name no project are left out.
	 */
	public Map<Long, ProjectSummary> summaries(Collection<Long> projectIds, LocalDate from, LocalDate to) {
		return summaries(projectIds, from, to, true, false);
	}

	/**
	 * The same figures without the purchase orders (each summary's {@code purchaseOrders} is empty), for an answer
	 * that shows none (profitability): their use is a query over the projects' entries and a rule session.
	 */
	public Map<Long, ProjectSummary> summariesWithoutPurchaseOrders(Collection<Long> projectIds, LocalDate from,
			LocalDate to) {
		return summaries(projectIds, from, to, false, false);
	}

	/**
	 * The figures of those of the projects that have an entry dated in the period (the projects
	 * {@link #projectsWithEntries} names), in the order asked; the others are left out. The summary's own
	 * statement tells which projects have one, so this reads the rollup once, not twice (client billing).
	 */
	public Map<Long, ProjectSummary> summariesOfProjectsWithEntries(Collection<Long> projectIds, LocalDate from,
			LocalDate to) {
		return summaries(projectIds, from, to, true, true);
	}

	private Map<Long, ProjectSummary> summaries(Collection<Long> projectIds, LocalDate from, LocalDate to,
			boolean purchaseOrders, boolean onlyWithEntries) {
		Map<Long, ProjectSummary> found = new LinkedHashMap<>();
		if (projectIds.isEmpty()) {
			return found;
		}
		Long[] ids = projectIds.stream().distinct().toArray(Long[]::new);
		List<KindSum> sums = new ArrayList<>();
		Map<Long, String> statusOf = new HashMap<>();
		MonthSplit split = MonthSplit.of(from, to);
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("projects", ids);
		parameters.put("firstWhole", split.firstWhole());
		parameters.put("lastWhole", split.lastWhole());
		parameters.put("headFrom", split.headFrom());
		parameters.put("headTo", split.headTo());
		parameters.put("tailFrom", split.tailFrom());
		parameters.put("tailTo", split.tailTo());
		plannedForItsArguments(SUMMARY, parameters, (rs, n) -> {
			long projectId = rs.getLong("project_id");
			if (onlyWithEntries && rs.getString("status") == null) {
				// the project has no entry in the period: its one row has no kind
				return null;
			}
			statusOf.put(projectId, rs.getString("project_status"));
			if (rs.getString("status") != null) {
				sums.add(new KindSum(projectId, rs.getString("project_status"), rs.getString("status"),
						new InvoiceCandidate(n, rs.getString("type"), projectId, rs.getString("project_status"),
								(Long) rs.getObject("activity_id"), rs.getString("activity_name"),
								rs.getString("category"), rs.getBoolean("billable"), rs.getBoolean("not_invoiced")),
						rs.getBigDecimal("amount")));
			}
			return null;
		});
		Set<Long> invoiceable = invoicing.invoiceable(
				sums.stream().filter(s -> !"BILLED".equals(s.status())).map(KindSum::kind).toList());
		Map<Long, Totals> totals = new HashMap<>();
		for (KindSum sum : sums) {
			if ("BILLED".equals(sum.status()) || invoiceable.contains(sum.kind().entryId())) {
				totals.computeIfAbsent(sum.projectId(), id -> new Totals()).add(sum);
			}
		}
		Map<Long, BigDecimal> budgets = invoiceBudgets(statusOf.keySet());
		// over a period (reports), the budget billed by the invoices issued in it
		Map<Long, BigDecimal> invoicedBudget = budgets.isEmpty() ? Map.of()
				: budgetInvoicing.invoicedBudget(budgets.keySet(), from, to);
		Map<Long, List<PurchaseOrderUsage.Usage>> usages = purchaseOrders ? usage.of(statusOf.keySet()) : Map.of();
		BigDecimal threshold = workspace.cached().poAlertThresholdPercent();
		for (Long id : ids) {
			String status = statusOf.get(id);
			if (status == null) {
				continue;
			}
			ProjectSummary money = totals.getOrDefault(id, new Totals()).summary(id, ProjectStatus.valueOf(status));
			if (budgets.containsKey(id)) {
				money = asInvoiceBudget(money, budgets.get(id), invoicedBudget.getOrDefault(id, BigDecimal.ZERO));
			}
			found.put(id, money.withPurchaseOrders(orders(usages.getOrDefault(id, List.of()), threshold)));
		}
		return artworkMoney.withArtworkPrices(found, from, to);
	}

	/**
	 * Runs a statement that PostgreSQL plans anew for each call's arguments. Through the driver's ordinary path a
	 * statement run often becomes a server-side prepared statement, and after five calls PostgreSQL may keep one
	 * generic plan that cannot see how many ids an array parameter holds: for SUMMARY it assumes ten projects and
	 * sorts the rollup's rows on disk for a thousand (docs/benchmarks.md, "Dashboard and money reports at a million
	 * entries"). A statement with prepare threshold 0 is sent unnamed, which PostgreSQL always plans with the
	 * values bound; planning it costs well under a millisecond.
	 */
	private <T> List<T> plannedForItsArguments(String sql, Map<String, Object> parameters, RowMapper<T> rows) {
		MapSqlParameterSource source = new MapSqlParameterSource(parameters);
		ParsedSql parsed = NamedParameterUtils.parseSqlStatement(sql);
		PreparedStatementCreator statement = new PreparedStatementCreatorFactory(
				NamedParameterUtils.substituteNamedParameters(parsed, source),
				NamedParameterUtils.buildSqlParameterList(parsed, source))
			.newPreparedStatementCreator(NamedParameterUtils.buildValueArray(parsed, source, null));
		return jdbcTemplate.query(connection -> {
			PreparedStatement prepared = statement.createPreparedStatement(connection);
			prepared.unwrap(PGStatement.class).setPrepareThreshold(0);
			return prepared;
		}, rows);
	}

	/** The invoice-budget projects among {@code projectIds}, each with its budget amount (0 when none was agreed). */
	private Map<Long, BigDecimal> invoiceBudgets(Collection<Long> projectIds) {
		Map<Long, BigDecimal> budgets = new HashMap<>();
		if (projectIds.isEmpty()) {
			return budgets;
		}
		jdbc.sql("select id, budget_amount from project where id = any(:projects) and billing_mode = 'INVOICE_BUDGET'")
			.param("projects", projectIds.toArray(Long[]::new))
			.query((rs, n) -> budgets.put(rs.getLong("id"),
					rs.getBigDecimal("budget_amount") == null ? BigDecimal.ZERO : rs.getBigDecimal("budget_amount")))
			.list();
		return budgets;
	}

	/**
	 * An invoice-budget project's figures (docs/project-finances.md): billed and B are what its invoices billed of
	 * the budget, not its entries' amounts; finalized to bill is what is left of the budget while finalized time
	 * waits for the invoice that will bill it (the next range invoice bills exactly that), else 0; the open work
	 * keeps its entries' values, for cost tracking.
	 */
	static ProjectSummary asInvoiceBudget(ProjectSummary entries, BigDecimal budget, BigDecimal invoiced) {
		BigDecimal billed = money(invoiced);
		BigDecimal remaining = budget.subtract(invoiced).max(BigDecimal.ZERO);
		BigDecimal toBill = entries.finalizedToBill().signum() > 0 ? money(remaining) : zero();
		return new ProjectSummary(entries.projectId(), entries.projectStatus(), billed, toBill, entries.notBilled(),
				entries.notBilledDc(), entries.notBilledHourly(), entries.notBilledFixed(),
				entries.notBilledAdjustments(), money(billed.add(toBill)), entries.perPiece(), billed,
				entries.purchaseOrders());
	}

	/*
	 * The projects with at least one entry in the period, read like SUMMARY: whole months from the kind rollup,
	 * the edge days from time_entry (time_entry_report_idx, led by the date).
	 */
	static final String WITH_ENTRIES = """
			select k.project_id from time_entry_kind_rollup k
			 where k.month between :firstWhole and :lastWhole and k.entries <> 0
			union
			select e.project_id from time_entry e where e.entry_date between :headFrom and :headTo
			union
			select e.project_id from time_entry e where e.entry_date between :tailFrom and :tailTo""";

	/** The ids of the projects that have an entry dated from {@code from} to {@code to} (both included). */
	public Set<Long> projectsWithEntries(LocalDate from, LocalDate to) {
		MonthSplit split = MonthSplit.of(from, to);
		return new HashSet<>(jdbc.sql(WITH_ENTRIES)
			.param("firstWhole", split.firstWhole()).param("lastWhole", split.lastWhole())
			.param("headFrom", split.headFrom()).param("headTo", split.headTo())
			.param("tailFrom", split.tailFrom()).param("tailTo", split.tailTo())
			.query(Long.class).list());
	}

	/** A project's purchase orders with their use to date; "over the line" is po-alerts.drl's to say. */
	private List<ProjectSummary.PurchaseOrderLine> orders(List<PurchaseOrderUsage.Usage> usages,
			BigDecimal threshold) {
		if (usages.isEmpty()) {
			return List.of();
		}
		// before and after are both the usage now
		Set<Long> over = poRules.overThreshold(usages.stream()
			.map(u -> new PoReading(u.purchaseOrderId(), u.number(), u.invoiceGroup(), u.amount(), u.percentUsed(),
					u.percentUsed(), threshold))
			.toList());
		return usages.stream()
			.map(u -> new ProjectSummary.PurchaseOrderLine(u.purchaseOrderId(), u.number(), u.invoiceGroup(),
					money(u.amount()), money(u.cost()), u.percentUsed(), over.contains(u.purchaseOrderId())))
			.toList();
	}

	/** One project's sums by bucket, as the Time tab names them. */
	private static final class Totals {

		private BigDecimal billed = zero(), finalized = zero(), dc = zero(), hourly = zero(), fixed = zero(),
				adjustments = zero(), perPiece = zero(), budget = zero();

		void add(KindSum sum) {
			BigDecimal amount = sum.amount() == null ? BigDecimal.ZERO : sum.amount();
			String status = sum.status();
			String type = sum.kind().type();
			String category = sum.kind().activityCategory();
			boolean notBilled = "OPEN".equals(status) || "IN_PROCESS".equals(status);
			boolean activity = "ACTIVITY".equals(type);
			if ("BILLED".equals(status)) {
				billed = billed.add(amount);
			}
			else if ("FINALIZED".equals(status)) {
				finalized = finalized.add(amount);
			}
			if (notBilled && activity && "DESIGN_CREATIVE".equals(category)) {
				dc = dc.add(amount);
			}
			if (notBilled && activity && "MANAGEMENT".equals(category)) {
				hourly = hourly.add(amount);
			}
			if (notBilled && "FIXED_COST".equals(type)) {
				fixed = fixed.add(amount);
			}
			if (notBilled && "ADJUSTMENT".equals(type)) {
				adjustments = adjustments.add(amount);
			}
			if (activity && "PER_PIECE".equals(category)) {
				perPiece = perPiece.add(amount);
			}
			if ("BUDGET".equals(category)) {
				budget = budget.add(amount);
			}
		}

		ProjectSummary summary(long projectId, ProjectStatus status) {
			return new ProjectSummary(projectId, status, money(billed), money(finalized), money(dc.add(hourly)),
					money(dc), money(hourly), money(fixed), money(adjustments), money(billed.add(finalized)),
					money(perPiece), money(budget), List.of());
		}
	}

	/**
	 * One row of the dollars grid: an entry with its activity, hours, rate, money (base dollars for time, rush or
	 * fixed dollars for fixed costs and adjustments), the week it belongs to, its invoice, artwork and purchase
	 * order. {@code inBilling} is true for the entries the summary counts: billed, or accepted by the invoicing
	 * rules.
	 */
	public record DollarRow(Long id, String type, LocalDate date, LocalDate weekOf, String employee, String activity,
			String category, BigDecimal hours, BigDecimal rate, BigDecimal baseDollars, BigDecimal rushFixed,
			BigDecimal amount, String status, boolean billed, LocalDate invoiceDate, Long invoiceId, String artwork,
			String packagingLevel, Integer alterationCount, String poNumber, boolean billable, boolean notInvoiced,
			boolean inBilling, String vendor, String attributedEmployee) {
	}

	/** Totals over every row the filter matches (not only this page). */
	public record DollarTotals(long rows, BigDecimal hours, BigDecimal baseDollars, BigDecimal rushFixed,
			BigDecimal amount) {

		static final DollarTotals NONE = new DollarTotals(0, zero(), zero(), zero(), zero());
	}

	public record DollarsPage(Long projectId, boolean hideZero, int page, int size, boolean hasMore,
			DollarTotals totals, List<DollarRow> rows) {
	}

	private record RowWithTotals(DollarRow row, DollarTotals totals, InvoiceCandidate entry) {

		RowWithTotals judged(Set<Long> invoiceable) {
			boolean in = row.billed() || invoiceable.contains(row.id());
			DollarRow r = row;
			return new RowWithTotals(new DollarRow(r.id(), r.type(), r.date(), r.weekOf(), r.employee(), r.activity(),
					r.category(), r.hours(), r.rate(), r.baseDollars(), r.rushFixed(), r.amount(), r.status(), r.billed(),
					r.invoiceDate(), r.invoiceId(), r.artwork(), r.packagingLevel(), r.alterationCount(), r.poNumber(),
					r.billable(), r.notInvoiced(), in, r.vendor(), r.attributedEmployee()), totals, entry);
		}
	}

	/*
	 * Newest first; the window sums run over every matching row before LIMIT, so the totals come with the page.
	 * An entry that names no purchase order counts against the project's first one, as in PurchaseOrderUsage.
	 */
	static final String DOLLARS = """
			with first_po as (select number from purchase_order where project_id = :project order by id limit 1)
			select e.id, e.type, e.entry_date, e.minutes, e.rate, e.amount, e.status, e.billed_on, e.invoice_id,
			       e.billable, e.not_invoiced, e.user_id, e.activity_id, u.name employee, a.name activity, a.category,
			       aw.name artwork, aw.packaging_level, aw.alteration_count, v.name vendor, att.name attributed_employee,
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
			  left join vendor v on v.id = e.vendor_id
			  left join app_user att on att.id = e.employee_id
			 where e.project_id = :project and (not :hideZero or e.amount <> 0)
			 order by e.entry_date desc, e.id desc
			 limit :limit offset :offset""";

	/** One page of the dollars grid; {@code hideZero} leaves out entries worth nothing. */
	public DollarsPage dollars(long projectId, boolean hideZero, int page, int size) {
		Project project = projects.get(projectId);
		int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
		int pageNumber = Math.max(0, page);
		Workspace settings = workspace.current();
		String projectStatus = project.status().name();
		List<RowWithTotals> found = jdbc.sql(DOLLARS)
			.param("project", projectId)
			.param("hideZero", hideZero)
			.param("limit", pageSize + 1)
			.param("offset", (long) pageNumber * pageSize)
			.query((rs, n) -> dollarRow(rs, settings, projectId, projectStatus))
			.list();
		boolean hasMore = found.size() > pageSize;
		List<RowWithTotals> page0 = hasMore ? found.subList(0, pageSize) : found;
		// one session for the page: which unbilled rows count is the invoicing rules' answer
		Set<Long> invoiceable = invoicing.invoiceable(
				page0.stream().filter(r -> !r.row().billed()).map(RowWithTotals::entry).toList());
		List<RowWithTotals> shown = page0.stream().map(r -> r.judged(invoiceable)).toList();
		DollarTotals totals = shown.isEmpty() ? DollarTotals.NONE : shown.get(0).totals();
		return new DollarsPage(projectId, hideZero, pageNumber, pageSize, hasMore, totals,
				shown.stream().map(RowWithTotals::row).toList());
	}

	private static RowWithTotals dollarRow(ResultSet rs, Workspace settings, long projectId, String projectStatus)
			throws SQLException {
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
				(Integer) rs.getObject("alteration_count"), rs.getString("po_number"), billable, notInvoiced, billed,
				rs.getString("vendor"), rs.getString("attributed_employee"));
		DollarTotals totals = new DollarTotals(rs.getLong("total_rows"), hours(rs.getLong("total_minutes")),
				money(rs.getBigDecimal("total_base")), money(rs.getBigDecimal("total_rush_fixed")),
				money(rs.getBigDecimal("total_amount")));
		InvoiceCandidate entry = new InvoiceCandidate(rs.getLong("id"), type, projectId, projectStatus,
				(Long) rs.getObject("activity_id"), rs.getString("activity"), rs.getString("category"), billable,
				notInvoiced);
		return new RowWithTotals(row, totals, entry);
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

	/** Hours one person has booked on a project, every type and state, since the project began. */
	public record PersonHours(long userId, String name, BigDecimal hours) {
	}

	/*
	 * Read from the monthly rollup the entry triggers keep (V23), so a project's whole history is a few rows per
	 * person and month rather than every entry; V35 indexes it by project. The minutes are summed per project and
	 * person before the names are joined, so the names meet one row per person rather than one per month and kind.
	 */
	static final String ASSIGNMENT = """
			select project_id, user_id, name, minutes
			  from (select s.project_id, s.user_id, u.name, s.minutes,
			               row_number() over (partition by s.project_id order by s.minutes desc, u.name, s.user_id) rank
			          from (select r.project_id, r.user_id, sum(r.minutes) minutes
			                  from time_entry_month_rollup r
			                 where r.project_id = any(:projects)
			                 group by r.project_id, r.user_id
			                having sum(r.minutes) > 0) s
			          join app_user u on u.id = s.user_id) people
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
