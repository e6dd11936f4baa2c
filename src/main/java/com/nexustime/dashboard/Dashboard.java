package com.nexustime.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.stereotype.Service;

import com.nexustime.approval.ClientApprovalService;
import com.nexustime.budget.PoAlert;
import com.nexustime.budget.PoAlerts;
import com.nexustime.catalog.ActiveProjects;
import com.nexustime.catalog.Project;
import com.nexustime.finance.ProjectFinances;
import com.nexustime.finance.ProjectSummary;
import com.nexustime.people.WorkingHours;
import com.nexustime.review.WeekKey;
import com.nexustime.review.WeekReviewService;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.security.Role;
import com.nexustime.timesheet.TimesheetService;
import com.nexustime.timesheet.WeekGrid;
import com.nexustime.tracking.TimerService;
import com.nexustime.workflow.Tasklist;

/**
 * The home page's answer to "where do we stand", put together from each module's own service so that every
 * figure is the one its module shows elsewhere: the week from the weekly grid, project money from the Time tab's
 * summary, purchase-order use from the same summary's orders, alerts from the budget module. Many projects are
 * read with one query per kind of figure, never one per project.
 */
@Service
public class Dashboard {

	/** How many people each project row lists under "who worked on it". */
	static final int PEOPLE_PER_PROJECT = 10;

	static final int TASKS_SHOWN = 10;

	static final int ALERTS_SHOWN = 20;

	static final int APPROVALS_SHOWN = 20;

	/** Declined client approvals stay on the dashboard this long after the client's decision. */
	static final int DECLINED_DAYS = 30;

	private static final String WEEK_REVIEW_PROCESS = "weekly-timesheet";

	private final TimesheetService timesheets;

	private final WorkingHours workingHours;

	private final TimerService timers;

	private final Tasklist tasklist;

	private final WeekReviewService reviews;

	private final ClientApprovalService approvals;

	private final ActiveProjects projects;

	private final ProjectFinances finances;

	private final PoAlerts alerts;

	Dashboard(TimesheetService timesheets, WorkingHours workingHours, TimerService timers, Tasklist tasklist,
			WeekReviewService reviews, ClientApprovalService approvals, ActiveProjects projects,
			ProjectFinances finances, PoAlerts alerts) {
		this.timesheets = timesheets;
		this.workingHours = workingHours;
		this.timers = timers;
		this.tasklist = tasklist;
		this.reviews = reviews;
		this.approvals = approvals;
		this.projects = projects;
		this.finances = finances;
		this.alerts = alerts;
	}

	/** The dashboard of {@code user}, its projects in the given order. */
	public DashboardView of(CurrentUser user, ProjectSort sort, boolean descending) {
		boolean tracksTime = user.has(Role.STAFF) || user.has(Role.MANAGER) || user.has(Role.ADMIN);
		boolean reviewer = user.has(Role.MANAGER) || user.has(Role.ADMIN);
		LocalDate thisWeek = timesheets.currentWeek();

		List<Tasklist.TaskView> tasks = tasklist.tasksOf(user);
		List<DashboardView.TaskLine> taskLines = tasks.stream().limit(TASKS_SHOWN)
			.map(t -> new DashboardView.TaskLine(t.id(), t.name(), t.processName(), t.created(), "/tasks/" + t.id()))
			.toList();

		List<Project> listed = projectsOf(user);
		List<Long> ids = listed.stream().map(Project::id).toList();
		List<PoAlert> open = alerts.unresolved(ids);
		return new DashboardView(
				tracksTime ? week(user, thisWeek) : null,
				tracksTime ? timers.current(user.id()).orElse(null) : null,
				tasks.size(), taskLines,
				reviewer ? weeksToReview(tasks) : null,
				reviewer ? reviews.notSubmitted(user.id(), List.of(thisWeek, thisWeek.minusWeeks(1))) : null,
				reviewer ? approvals.outstanding(user, DECLINED_DAYS, APPROVALS_SHOWN) : null,
				projectLines(listed, open, sort, descending),
				listsProjects(user) ? alertLines(listed, open) : null,
				sort.param(), descending ? "desc" : "asc");
	}

	private DashboardView.Week week(CurrentUser user, LocalDate weekStart) {
		WeekGrid grid = timesheets.grid(user, weekStart, null);
		List<DashboardView.Day> days = IntStream.range(0, grid.days().size())
			.mapToObj(i -> new DashboardView.Day(grid.days().get(i), grid.dayTotals().get(i)))
			.toList();
		return new DashboardView.Week(weekStart, grid.total(), grid.status(), days,
				workingHours.weeklyHours(user.id()).setScale(2, RoundingMode.HALF_UP),
				"/api/v1/timesheets/" + weekStart + "/submit", "/timesheet?week=" + weekStart);
	}

	/** Review tasks of the weekly-timesheet process among the caller's tasks, with whose week each one is. */
	private List<DashboardView.ReviewWeek> weeksToReview(List<Tasklist.TaskView> tasks) {
		Map<WeekKey, Tasklist.TaskView> byWeek = new LinkedHashMap<>();
		for (Tasklist.TaskView task : tasks) {
			if (WEEK_REVIEW_PROCESS.equals(task.processDefinitionKey()) && task.businessKey() != null
					&& task.businessKey().startsWith("week:")) {
				byWeek.putIfAbsent(WeekKey.parse(task.businessKey()), task);
			}
		}
		return reviews.weeks(new ArrayList<>(byWeek.keySet())).stream()
			.map(week -> {
				Tasklist.TaskView task = byWeek.get(new WeekKey(week.userId(), week.weekStart()));
				return new DashboardView.ReviewWeek(task.id(), week.userId(), week.name(), week.weekStart(),
						"/tasks/" + task.id());
			})
			.toList();
	}

	/** Whether the caller has a project list at all: admins and managers. */
	private static boolean listsProjects(CurrentUser user) {
		return user.isAdmin() || user.has(Role.MANAGER);
	}

	/** Admins: every active project; managers: the active projects they manage; anyone else: none. */
	private List<Project> projectsOf(CurrentUser user) {
		if (!listsProjects(user)) {
			return List.of();
		}
		return user.isAdmin() ? projects.all() : projects.managedBy(user.id());
	}

	private List<ProjectLine> projectLines(List<Project> listed, List<PoAlert> open, ProjectSort sort,
			boolean descending) {
		if (listed.isEmpty()) {
			return List.of();
		}
		List<Long> ids = listed.stream().map(Project::id).toList();
		Map<Long, ProjectSummary> summaries = finances.summaries(ids);
		Map<Long, List<ProjectFinances.PersonHours>> people = finances.assignment(ids, PEOPLE_PER_PROJECT);
		Map<Long, Long> alertsByProject = open.stream()
			.collect(Collectors.groupingBy(PoAlert::projectId, Collectors.counting()));
		Set<Long> ordersWithOpenAlert = open.stream().map(PoAlert::purchaseOrderId).collect(Collectors.toSet());
		BigDecimal threshold = alerts.thresholdPercent();
		return listed.stream()
			.filter(p -> summaries.containsKey(p.id()))
			.map(p -> line(p, summaries.get(p.id()), people.getOrDefault(p.id(), List.of()),
					alertsByProject.getOrDefault(p.id(), 0L).intValue(), ordersWithOpenAlert, threshold))
			.sorted(sort.order(descending))
			.toList();
	}

	private static ProjectLine line(Project project, ProjectSummary summary, List<ProjectFinances.PersonHours> people,
			int openAlerts, Set<Long> ordersWithOpenAlert, BigDecimal threshold) {
		ProjectSummary.PurchaseOrderLine highest = summary.purchaseOrders().stream()
			.max(Comparator.comparing(ProjectSummary.PurchaseOrderLine::percentUsed)).orElse(null);
		String state = highest == null ? "NONE"
				: ordersWithOpenAlert.contains(highest.id()) ? "ALERT"
						: highest.percentUsed().compareTo(threshold) >= 0 ? "OVER" : "OK";
		BigDecimal budget = project.budgetAmount();
		BigDecimal used = summary.total().add(summary.notBilled()).add(summary.notBilledFixed())
			.add(summary.notBilledAdjustments());
		BigDecimal usedPercent = budget == null || budget.signum() == 0 ? null
				: used.multiply(BigDecimal.valueOf(100)).divide(budget, 2, RoundingMode.HALF_UP);
		return new ProjectLine(project.id(), project.name(), summary.billed(), summary.finalizedToBill(),
				summary.notBilled(), summary.total(), budget, budget == null ? null : used, usedPercent,
				highest == null ? null : highest.percentUsed(), highest == null ? null : highest.number(), state,
				openAlerts, people, timeUrl(project.id()));
	}

	private static List<DashboardView.AlertLine> alertLines(List<Project> listed, List<PoAlert> open) {
		Map<Long, String> names = listed.stream().collect(Collectors.toMap(Project::id, Project::name));
		return open.stream().limit(ALERTS_SHOWN)
			.map(a -> new DashboardView.AlertLine(a.id(), a.projectId(), names.get(a.projectId()), a.poNumber(),
					a.invoiceGroup(), a.percent(), a.raisedAt(), timeUrl(a.projectId())))
			.toList();
	}

	static String timeUrl(long projectId) {
		return "/projects/" + projectId + "/time";
	}
}
