package com.nexustime.review;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import com.nexustime.audit.AuditLog;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.security.Role;
import com.nexustime.system.web.ConflictException;
import com.nexustime.system.web.NotFoundException;
import com.nexustime.system.web.RuleViolationException;
import com.nexustime.workflow.ProcessTrail;
import com.nexustime.workspace.WorkspaceSettings;

/**
 * The weekly review: a user submits a week, the weekly-timesheet process asks their manager, and the outcome
 * is kept in {@code timesheet_week}, which the week-locking rules read. The process decides the order of
 * things; this service does what each step means.
 */
@Service
public class WeekReviewService {

	static final String PROCESS = "weekly-timesheet";

	static final String RECALL_MESSAGE = "WeekRecalled";

	static final String ENTITY = "TimesheetWeek";

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WeekReviewService.class);

	/**
	 * The week whose review this thread is starting right now: until {@link #submit} stores the new instance's
	 * id, a step that runs inside the start is bound to this week and no other.
	 */
	private static final ThreadLocal<WeekKey> STARTING = new ThreadLocal<>();

	private final JdbcClient jdbc;

	private final RuntimeService runtime;

	private final HistoryService history;

	private final IdentityService identity;

	private final ProcessTrail processTrail;

	private final WorkspaceSettings workspace;

	private final AuditLog audit;

	private final WeekReviewNotices notices;

	private final String reviewReminderAfter;

	WeekReviewService(JdbcClient jdbc, RuntimeService runtime, HistoryService history, IdentityService identity,
			WorkspaceSettings workspace, AuditLog audit, WeekReviewNotices notices, ProcessTrail processTrail,
			@Value("${nexus.review.reminder-after:P2D}") String reviewReminderAfter) {
		this.jdbc = jdbc;
		this.runtime = runtime;
		this.history = history;
		this.identity = identity;
		this.processTrail = processTrail;
		this.workspace = workspace;
		this.audit = audit;
		this.notices = notices;
		this.reviewReminderAfter = reviewReminderAfter;
	}

	/** The week's status; OPEN when it was never submitted. */
	@Transactional(readOnly = true)
	public WeekStatus status(long userId, LocalDate weekStart) {
		return find(userId, weekStart).orElse(new WeekStatus(userId, weekStart, "OPEN", null, null, null));
	}

	/**
	 * Submits the caller's week to their manager. Submitting a week that is already waiting changes nothing and
	 * answers the running review, so a double click starts one process, not two.
	 */
	@Transactional
	public WeekStatus submit(CurrentUser user, LocalDate weekStart) {
		requireWeekStart(weekStart);
		WeekKey week = new WeekKey(user.id(), weekStart);
		Optional<WeekStatus> claimed = jdbc.sql("""
				insert into timesheet_week (user_id, week_start, status) values (?, ?, 'SUBMITTED')
				on conflict (user_id, week_start) do update
				   set status = 'SUBMITTED', comment = null, decided_by = null, process_instance_id = null,
				       updated_at = now(), version = timesheet_week.version + 1
				 where timesheet_week.status in ('OPEN', 'REJECTED')
				returning user_id, week_start, status, process_instance_id, comment, decided_by""")
			.params(user.id(), weekStart).query(WeekStatus.class).optional();
		if (claimed.isEmpty()) {
			WeekStatus current = find(user.id(), weekStart).orElseThrow();
			if ("SUBMITTED".equals(current.status())) {
				return current;
			}
			throw new ConflictException("the week of " + weekStart + " is already approved");
		}
		Long managerId = managerOf(user.id());
		Map<String, Object> variables = new HashMap<>();
		variables.put("userId", String.valueOf(user.id()));
		variables.put("userName", user.name());
		variables.put("weekStart", weekStart.toString());
		variables.put("managerId", managerId == null ? null : String.valueOf(managerId));
		variables.put("reviewReminderAfter", reviewReminderAfter);
		String processInstanceId;
		try {
			identity.setAuthenticatedUserId(String.valueOf(user.id()));
			STARTING.set(week);
			processInstanceId = runtime.startProcessInstanceByKey(PROCESS, week.businessKey(), variables).getId();
		}
		finally {
			STARTING.remove();
			identity.clearAuthentication();
		}
		jdbc.sql("update timesheet_week set process_instance_id = ? where user_id = ? and week_start = ?")
			.params(processInstanceId, user.id(), weekStart).update();
		WeekStatus submitted = find(user.id(), weekStart).orElseThrow();
		audit.record("SUBMIT", ENTITY, week.businessKey(), claimed.get(), submitted);
		notices.submitted(week, managerId);
		return submitted;
	}

	/**
	 * Who reviews a week: the owner's manager, or, when the owner has none (or is their own manager, or the
	 * manager left), every other active manager and admin. Never the owner.
	 */
	@Transactional(readOnly = true)
	public Reviewers reviewersOf(WeekKey week) {
		Long manager = managerOf(week.userId());
		if (manager != null) {
			return new Reviewers(manager, List.of());
		}
		return new Reviewers(null, jdbc.sql("""
				select distinct u.id from app_user u join user_role r on r.app_user = u.id
				where u.active and r.role in ('MANAGER', 'ADMIN') and u.id <> ? order by u.id""")
			.param(week.userId()).query(Long.class).list());
	}

	/** The review of a week goes to {@code manager} when there is one, otherwise to any of {@code candidates}. */
	public record Reviewers(Long manager, List<Long> candidates) {
	}

	/**
	 * Why this person may not decide on this week, or empty when they may: the one rule that the tasklist, the
	 * task form and the engine's completion check all ask. The owner never decides their own week, whatever
	 * their roles; otherwise the owner's manager or an admin, and without a manager any manager.
	 */
	@Transactional(readOnly = true)
	public Optional<String> refusal(long personId, WeekKey week) {
		if (personId == week.userId()) {
			return Optional.of("nobody reviews their own week: the week of " + week.weekStart()
					+ " goes to another manager or an admin");
		}
		List<String> roles = jdbc.sql("""
				select r.role from app_user u join user_role r on r.app_user = u.id where u.id = ? and u.active""")
			.param(personId).query(String.class).list();
		if (roles.contains(Role.ADMIN.name())) {
			return Optional.empty();
		}
		Long manager = managerOf(week.userId());
		if (manager != null) {
			return manager == personId ? Optional.empty()
					: Optional.of("only the owner's manager or an admin reviews the week of " + week.weekStart());
		}
		return roles.contains(Role.MANAGER.name()) ? Optional.empty()
				: Optional.of("only managers and admins review weeks");
	}

	/** 403 unless this person may decide on this week; see {@link #refusal}. */
	public void requireMayDecide(long personId, WeekKey week) {
		refusal(personId, week).ifPresent(reason -> {
			throw new AccessDeniedException(reason);
		});
	}

	/** Takes a submitted week back while the manager has not decided; 409 once they have. */
	@Transactional
	public WeekStatus recall(CurrentUser user, LocalDate weekStart) {
		WeekStatus current = find(user.id(), weekStart)
			.filter(w -> "SUBMITTED".equals(w.status()) && w.processInstanceId() != null)
			.orElseThrow(() -> new ConflictException("the week of " + weekStart + " is not waiting for review"));
		// the owner's request is what lets "Reopen the week" act; rolled back with the rest when the manager won
		record(current.processInstanceId(), new WeekKey(user.id(), weekStart), "RECALLED", user.id(), null, null);
		try {
			runtime.createMessageCorrelation(RECALL_MESSAGE).processInstanceId(current.processInstanceId())
				.correlateWithResult();
		}
		catch (MismatchingMessageCorrelationException decided) {
			throw new ConflictException("the manager has already decided on the week of " + weekStart);
		}
		return find(user.id(), weekStart).orElseThrow();
	}

	/**
	 * The week that the process instance {@code processInstanceId} reviews, as the app started it: the week
	 * whose row names this instance, or the week this thread is submitting right now. Refuses an instance the app
	 * did not start for a week, and variables ({@code named}, may be null) that name another week.
	 */
	@Transactional
	public WeekKey weekOfProcess(String processInstanceId, WeekKey named) {
		Optional<WeekKey> bound = jdbc.sql("select user_id, week_start from timesheet_week where process_instance_id = ?")
			.param(processInstanceId).query(WeekKey.class).optional();
		WeekKey starting = STARTING.get();
		if (bound.isEmpty() && starting != null && jdbc.sql("""
				select count(*) from timesheet_week where user_id = ? and week_start = ? and status = 'SUBMITTED'
				   and process_instance_id is null""").params(starting.userId(), starting.weekStart())
			.query(Long.class).single() > 0) {
			bound = Optional.of(starting);
		}
		if (bound.isEmpty()) {
			throw refuse(processInstanceId, "no submitted week is reviewed by this process instance");
		}
		if (named != null && !named.equals(bound.get())) {
			throw refuse(processInstanceId, "the process variables name " + named + ", but this instance reviews "
					+ bound.get());
		}
		return bound.get();
	}

	/**
	 * Records what the reviewer decided on completing the review task of {@code processInstanceId}; the
	 * process's next step reads it back. Called by the task's completion check after it verified the person.
	 */
	@Transactional
	public void recordDecision(String processInstanceId, WeekKey week, String taskId, long reviewerId,
			boolean approved, String comment) {
		record(processInstanceId, week, approved ? "APPROVED" : "REJECTED", reviewerId, taskId, comment);
	}

	/** Process step "Reopen the week": the owner recalled it, and the week still waits in this instance. */
	@Transactional
	public void reopened(String processInstanceId, WeekKey week) {
		decisionOf(processInstanceId, week, "RECALLED");
		decide(processInstanceId, week, "OPEN", null, null, "RECALL");
	}

	/** Process step "Lock the week": the reviewer approved on the review task of this instance. */
	@Transactional
	public void approved(String processInstanceId, WeekKey week) {
		Decided decision = decisionOf(processInstanceId, week, "APPROVED");
		decide(processInstanceId, week, "APPROVED", decision.decidedBy(), decision.comment(), "APPROVE");
		notices.decided(week, true, decision.comment());
	}

	/** Process step "Return the week to its owner": the reviewer rejected on the review task, saying why. */
	@Transactional
	public void rejected(String processInstanceId, WeekKey week) {
		Decided decision = decisionOf(processInstanceId, week, "REJECTED");
		decide(processInstanceId, week, "REJECTED", decision.decidedBy(), decision.comment(), "REJECT");
		notices.decided(week, false, decision.comment());
	}

	/** A decision as the app recorded it. */
	record Decided(String outcome, long decidedBy, String comment) {
	}

	/**
	 * The decision recorded for this instance, which must be {@code outcome} and made by someone allowed to make
	 * it now: the owner for a recall, an allowed reviewer otherwise.
	 */
	private Decided decisionOf(String processInstanceId, WeekKey week, String outcome) {
		Decided decided = jdbc.sql("""
				select outcome, decided_by, comment from week_review_decision
				 where process_instance_id = ? and user_id = ? and week_start = ?""")
			.params(processInstanceId, week.userId(), week.weekStart()).query(Decided.class).optional()
			.orElseThrow(() -> refuse(processInstanceId, "nobody recorded a decision on " + week
					+ " in this process instance"));
		if (!outcome.equals(decided.outcome())) {
			throw refuse(processInstanceId, "the recorded decision on " + week + " is " + decided.outcome() + ", not "
					+ outcome);
		}
		boolean allowed = "RECALLED".equals(outcome) ? decided.decidedBy() == week.userId()
				: refusal(decided.decidedBy(), week).isEmpty();
		if (!allowed) {
			throw refuse(processInstanceId, "person " + decided.decidedBy() + " may not decide " + week);
		}
		return decided;
	}

	private void record(String processInstanceId, WeekKey week, String outcome, long personId, String taskId,
			String comment) {
		jdbc.sql("""
				insert into week_review_decision (process_instance_id, user_id, week_start, outcome, decided_by,
				                                  task_id, comment)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (process_instance_id) do update
				   set user_id = excluded.user_id, week_start = excluded.week_start, outcome = excluded.outcome,
				       decided_by = excluded.decided_by, task_id = excluded.task_id, comment = excluded.comment,
				       decided_at = now()""")
			.params(processInstanceId, week.userId(), week.weekStart(), outcome, personId, taskId,
					StringUtils.hasText(comment) ? comment.trim() : null)
			.update();
	}

	/** Logs a step the app refuses to take (the job fails and stays visible as an incident) and says why. */
	private static ConflictException refuse(String processInstanceId, String reason) {
		log.warn("Refused a weekly-timesheet step of process instance {}: {}", processInstanceId, reason);
		return new ConflictException("the review process may not do this: " + reason);
	}

	/** A rejection must say what to change; checked when the manager completes the review. */
	public void checkDecision(Object approved, Object comment) {
		if (!(approved instanceof Boolean)) {
			throw new RuleViolationException("approved", "say whether the week is approved (true or false)");
		}
		if (!(Boolean) approved && (comment == null || !StringUtils.hasText(comment.toString()))) {
			throw new RuleViolationException("comment", "a rejected week needs a comment telling the owner what to change");
		}
	}

	/** Every step of every review of this week, oldest first, from the engine's history. */
	@Transactional(readOnly = true)
	public List<ProcessTrail.Step> history(CurrentUser viewer, long userId, LocalDate weekStart) {
		if (!mayView(viewer, userId)) {
			throw new NotFoundException("Week of user", userId);
		}
		String key = new WeekKey(userId, weekStart).businessKey();
		return history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(PROCESS).processInstanceBusinessKey(key).orderByProcessInstanceStartTime().asc().list()
			.stream().flatMap(review -> processTrail.steps(review.getId()).stream()).toList();
	}

	/** Where the week's latest review stands, with its diagram; {@code null} when the week was never submitted. */
	@Transactional(readOnly = true)
	public ProcessTrail.Trail latestTrail(CurrentUser viewer, long userId, LocalDate weekStart) {
		if (!mayView(viewer, userId)) {
			throw new NotFoundException("Week of user", userId);
		}
		String key = new WeekKey(userId, weekStart).businessKey();
		return history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS)
			.processInstanceBusinessKey(key).orderByProcessInstanceStartTime().desc().listPage(0, 1).stream()
			.findFirst().map(review -> processTrail.trail(review.getId())).orElse(null);
	}

	public boolean mayView(CurrentUser viewer, long userId) {
		return viewer.id() == userId || viewer.isAdmin() || viewer.has(Role.AUDITOR)
				|| jdbc.sql("select count(*) from app_user where id = ? and manager_id = ?").params(userId, viewer.id())
					.query(Long.class).single() > 0;
	}

	/**
	 * Reminds every active staff member whose last full week (the one before the week containing {@code now})
	 * is neither submitted nor approved; answers how many were reminded.
	 */
	@Transactional
	public int remindOpenWeeks(java.time.Instant now) {
		var settings = workspace.current();
		LocalDate lastWeek = settings.weekContaining(now.atZone(settings.zone()).toLocalDate()).minusWeeks(1);
		List<Long> open = jdbc.sql("""
				select u.id from app_user u join user_role r on r.app_user = u.id and r.role = 'STAFF'
				where u.active and not exists (
				    select 1 from timesheet_week w where w.user_id = u.id and w.week_start = ?
				       and w.status in ('SUBMITTED', 'APPROVED'))""")
			.param(lastWeek).query(Long.class).list();
		open.forEach(userId -> notices.weekStillOpen(userId, lastWeek));
		return open.size();
	}

	private void decide(String processInstanceId, WeekKey week, String status, Long reviewerId, String comment,
			String action) {
		WeekStatus before = find(week.userId(), week.weekStart()).orElseThrow();
		int changed = jdbc.sql("""
				update timesheet_week set status = ?, decided_by = ?, comment = ?, updated_at = now(),
				       version = version + 1
				 where user_id = ? and week_start = ? and process_instance_id = ? and status = 'SUBMITTED'""")
			.params(status, reviewerId, StringUtils.hasText(comment) ? comment.trim() : null, week.userId(),
					week.weekStart(), processInstanceId)
			.update();
		if (changed == 0) {
			throw refuse(processInstanceId, week + " is not waiting for review in this process instance");
		}
		audit.record(action, ENTITY, week.businessKey(), before, find(week.userId(), week.weekStart()).orElseThrow());
	}

	/** The owner's manager when they have an active one other than themselves. */
	private Long managerOf(long userId) {
		return jdbc.sql("""
				select m.id from app_user u join app_user m on m.id = u.manager_id
				where u.id = ? and m.id <> u.id and m.active""")
			.param(userId).query(Long.class).optional().orElse(null);
	}

	private void requireWeekStart(LocalDate weekStart) {
		if (!workspace.current().weekContaining(weekStart).equals(weekStart)) {
			throw new RuleViolationException("weekStart", weekStart + " is not the first day of a week ("
					+ workspace.current().weekStart() + ")");
		}
	}

	private Optional<WeekStatus> find(long userId, LocalDate weekStart) {
		return jdbc.sql("""
				select user_id, week_start, status, process_instance_id, comment, decided_by
				from timesheet_week where user_id = ? and week_start = ?""")
			.params(userId, weekStart).query(WeekStatus.class).optional();
	}

	/** A person's week where the review stands: OPEN (also never saved), SUBMITTED, APPROVED or REJECTED. */
	public record PersonWeek(long userId, String name, LocalDate weekStart, String status) {
	}

	/**
	 * The weeks among {@code weeks} that the active people {@code managerId} manages directly have not handed in
	 * (open, never saved, or rejected and not yet resubmitted), latest week first, then by name.
	 */
	@Transactional(readOnly = true)
	public List<PersonWeek> notSubmitted(long managerId, Collection<LocalDate> weeks) {
		if (weeks.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select u.id user_id, u.name, w.week_start, coalesce(t.status, 'OPEN') status
				  from app_user u
				 cross join unnest(cast(:weeks as date[])) w(week_start)
				  left join timesheet_week t on t.user_id = u.id and t.week_start = w.week_start
				 where u.manager_id = :manager and u.id <> :manager and u.active
				   and coalesce(t.status, 'OPEN') in ('OPEN', 'REJECTED')
				 order by w.week_start desc, u.name, u.id""")
			.param("weeks", weeks.stream().map(LocalDate::toString).toArray(String[]::new))
			.param("manager", managerId)
			.query(PersonWeek.class).list();
	}

	/** These weeks with their owners' names and statuses, in the order given; weeks of unknown people are left out. */
	@Transactional(readOnly = true)
	public List<PersonWeek> weeks(List<WeekKey> keys) {
		if (keys.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select k.user_id, u.name, k.week_start, coalesce(t.status, 'OPEN') status
				  from unnest(cast(:users as bigint[]), cast(:weeks as date[])) with ordinality k(user_id, week_start, position)
				  join app_user u on u.id = k.user_id
				  left join timesheet_week t on t.user_id = k.user_id and t.week_start = k.week_start
				 order by k.position""")
			.param("users", keys.stream().map(WeekKey::userId).toArray(Long[]::new))
			.param("weeks", keys.stream().map(k -> k.weekStart().toString()).toArray(String[]::new))
			.query(PersonWeek.class).list();
	}
}
