package com.nexustime.tracking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import com.nexustime.audit.AuditLog;
import com.nexustime.budget.PoAlert;
import com.nexustime.budget.PoBudgetWatch;
import com.nexustime.rates.RateLookup;
import com.nexustime.rules.ActivityOption;
import com.nexustime.rules.ActivityRules;
import com.nexustime.rules.Actor;
import com.nexustime.rules.LockDecision;
import com.nexustime.rules.LockQuestion;
import com.nexustime.rules.ProjectFacts;
import com.nexustime.rules.RateAnswer;
import com.nexustime.rules.WeekLockRules;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.security.Role;
import com.nexustime.system.web.ConflictException;
import com.nexustime.system.web.NotFoundException;
import com.nexustime.system.web.RuleViolationException;
import com.nexustime.workspace.Workspace;
import com.nexustime.workspace.WorkspaceSettings;

/**
 * Creates, changes and deletes time entries. Every change asks the rules: the activity must be available on
 * the project, the week must be editable for the person asking, and the rate in force on the entry's date is
 * snapshotted with the amount. A user's saves are serialised so that the 24-hours-a-day limit holds under
 * concurrency, and every change is audited in the same transaction. Every change of cost is checked against
 * the project's purchase orders; an entry answers the threshold alerts its save raised.
 */
@Service
public class TimeEntryService {

	static final String ENTITY = "TimeEntry";

	private static final int MINUTES_PER_DAY = 24 * 60;

	/** First key of the per-user advisory lock that serialises one person's saves. */
	private static final int ENTRY_LOCK_SPACE = 0x454e54; // "ENT"

	private final TimeEntries entries;

	private final JdbcClient jdbc;

	private final Bookability bookability;

	private final RateLookup rateLookup;

	private final WeekLockRules lockRules;

	private final WorkspaceSettings workspace;

	private final AuditLog audit;

	private final PoBudgetWatch budget;

	private final EntryHolds approvals;

	private final ReviewedWeeks weeks;

	private final EntryActors actors;

	TimeEntryService(TimeEntries entries, JdbcClient jdbc, Bookability bookability, RateLookup rateLookup,
			WeekLockRules lockRules, WorkspaceSettings workspace, AuditLog audit, PoBudgetWatch budget,
			EntryHolds approvals, ReviewedWeeks weeks, EntryActors actors) {
		this.entries = entries;
		this.jdbc = jdbc;
		this.bookability = bookability;
		this.actors = actors;
		this.rateLookup = rateLookup;
		this.lockRules = lockRules;
		this.workspace = workspace;
		this.audit = audit;
		this.budget = budget;
		this.approvals = approvals;
		this.weeks = weeks;
	}

	@Transactional
	public TimeEntry create(CurrentUser actor, EntryRequest request) {
		long owner = request.userId() != null ? request.userId() : actor.id();
		Actor relation = relation(actor, owner);
		lockUser(owner);
		Workspace settings = workspace.cached();
		Draft draft = new Draft(request.type(), owner, request.projectId(), request.activityId(), request.date(),
				request.minutes(), request.hours(), request.start(), request.end(), request.description(),
				request.billable() == null || request.billable(), Boolean.TRUE.equals(request.notInvoiced()),
				request.artworkId(), request.amount(), request.vendorId(), request.employeeId(), request.notes(),
				request.purchaseOrderId());
		SaveFacts facts = facts(draft, null, settings);
		TimeEntry entry = validate(draft, null, settings, facts);
		LockDecision decision = ask(relation, entry.type(), EntryStatus.OPEN, null,
				facts.weekStateOn(entry.date(), () -> weekState(entry.userId(), settings.weekContaining(entry.date()))));
		TimeEntry saved = entries.insert(entry);
		audit.record(action("CREATE", decision), ENTITY, saved.id(), null, saved);
		// a project without purchase orders (as read at the start of this save) has nothing to check
		return saved.withAlerts(alerts(budget.changed(actor, saved.id(), facts.hasOrders() ? saved.projectId() : null)));
	}

	@Transactional
	public TimeEntry update(CurrentUser actor, long id, EntryChanges changes) {
		TimeEntry current = visible(actor, id);
		Actor relation = relation(actor, current.userId());
		lockUser(current.userId());
		current = entries.lock(id).orElseThrow(() -> new NotFoundException("Time entry", id));
		if (changes.version() != null && changes.version() != current.version()) {
			throw new OptimisticLockingFailureException("stale version");
		}
		Workspace settings = workspace.cached();
		LockDecision before = ask(relation, current.type(), current.status(), current.id(), current.userId(),
				current.date(), settings);
		boolean timesGiven = changes.start() != null || changes.end() != null;
		boolean durationGiven = changes.minutes() != null || changes.hours() != null;
		boolean movesProject = changes.projectId() != null && !changes.projectId().equals(current.projectId());
		Draft draft = new Draft(current.type(), current.userId(),
				or(changes.projectId(), current.projectId()), or(changes.activityId(), current.activityId()),
				or(changes.date(), timesGiven ? null : current.date()),
				durationGiven ? changes.minutes() : (timesGiven ? null : current.minutes()), changes.hours(),
				timesGiven ? or(changes.start(), current.start()) : (durationGiven ? null : current.start()),
				timesGiven ? or(changes.end(), current.end()) : (durationGiven ? null : current.end()),
				or(changes.description(), current.description()), or(changes.billable(), current.billable()),
				or(changes.notInvoiced(), current.notInvoiced()), or(changes.artworkId(), current.artworkId()),
				or(changes.amount(), current.amount()), or(changes.vendorId(), current.vendorId()),
				or(changes.employeeId(), current.employeeId()), or(changes.notes(), current.notes()),
				// the purchase order belongs to the project: moved without a new one, it counts against the default
				or(changes.purchaseOrderId(), movesProject ? null : current.purchaseOrderId()));
		TimeEntry changed = validate(draft, current, settings, facts(draft, current, settings));
		LockDecision after = changed.date().equals(current.date()) ? before
				: ask(relation, changed.type(), current.status(), current.id(), changed.userId(), changed.date(), settings);
		TimeEntry saved = entries.update(new TimeEntry(current.id(), changed.type(), changed.userId(),
				changed.projectId(), changed.activityId(), changed.date(), changed.start(), changed.end(),
				changed.minutes(), changed.rate(), changed.rateSource(), changed.amount(), changed.billable(),
				changed.notInvoiced(), changed.description(), changed.notes(), changed.vendorId(), changed.employeeId(),
				changed.artworkId(), changed.purchaseOrderId(), current.status(), current.invoiceId(),
				current.createdAt(), null, current.version(), List.of()))
			.orElseThrow(() -> new OptimisticLockingFailureException("stale version"));
		audit.record(action("UPDATE", before.audited() ? before : after), ENTITY, id, current, saved);
		// an entry moved to another project changes the cost of both
		return saved.withAlerts(alerts(budget.changed(actor, id, current.projectId(), saved.projectId())));
	}

	@Transactional
	public void delete(CurrentUser actor, long id) {
		TimeEntry current = visible(actor, id);
		Actor relation = relation(actor, current.userId());
		lockUser(current.userId());
		current = entries.lock(id).orElseThrow(() -> new NotFoundException("Time entry", id));
		LockDecision decision = ask(relation, current.type(), current.status(), current.id(), current.userId(),
				current.date(), workspace.cached());
		entries.delete(id, current.version());
		audit.record(action("DELETE", decision), ENTITY, id, current, null);
		budget.changed(actor, id, current.projectId());
	}

	@Transactional(readOnly = true)
	public TimeEntry get(CurrentUser actor, long id) {
		return visible(actor, id);
	}

	@Transactional(readOnly = true)
	public List<TimeEntry> list(CurrentUser actor, TimeEntries.Filter filter, int limit) {
		List<Long> visibleUsers = null;
		if (!actor.isAdmin() && !actor.has(Role.AUDITOR)) {
			visibleUsers = jdbc.sql("select id from app_user where id = ? or manager_id = ?")
				.params(actor.id(), actor.id()).query(Long.class).list();
		}
		return entries.find(new TimeEntries.Filter(filter.userId(), filter.projectId(), filter.contactId(),
				filter.from(), filter.to(), filter.type(), visibleUsers), limit);
	}

	/**
	 * How the person asking relates to the entry's owner ({@link EntryActors}); people with no relation may not
	 * change the entries of others (403).
	 */
	public Actor relation(CurrentUser actor, long ownerId) {
		return actors.of(actor, ownerId)
			.orElseThrow(() -> new AccessDeniedException("you may only change your own entries or your reports'"));
	}

	/**
	 * The state of a user-week as the week-locking rules see it: the stored state as it is (a week never
	 * submitted is OPEN); what a state means for an entry is the rules' decision alone.
	 */
	public String weekState(long userId, LocalDate weekStart) {
		return weekStateOf(weeks.status(userId, weekStart).orElse(null));
	}

	private static String weekStateOf(String storedStatus) {
		return storedStatus == null ? "OPEN" : storedStatus;
	}

	/**
	 * The ids of those {@code shown} entries that the week-locking rules let {@code actor} change (edit or
	 * delete), asked without throwing: for pages that offer only what the rules allow. Each week's state and
	 * each distinct question are read and asked once.
	 */
	@Transactional(readOnly = true)
	public Set<Long> changeable(CurrentUser actor, Collection<TimeEntry> shown) {
		Workspace settings = workspace.cached();
		Map<Long, Optional<Actor>> relations = new HashMap<>();
		Map<List<Object>, String> weekStates = new HashMap<>();
		Map<LockQuestion, Boolean> decided = new HashMap<>();
		Set<Long> changeable = new HashSet<>();
		for (TimeEntry entry : shown) {
			Optional<Actor> relation = relations.computeIfAbsent(entry.userId(), owner -> actors.of(actor, owner));
			if (relation.isEmpty()) {
				continue;
			}
			LocalDate week = settings.weekContaining(entry.date());
			String state = weekStates.computeIfAbsent(List.of(entry.userId(), week), k -> weekState(entry.userId(), week));
			LockQuestion question = lockQuestion(relation.get(), entry.type(), entry.status(), entry.id(), state);
			if (decided.computeIfAbsent(question, q -> lockRules.decide(q).allowed())) {
				changeable.add(entry.id());
			}
		}
		return changeable;
	}

	/**
	 * Whether the week-locking rules let {@code actor} create an entry of {@code type} for {@code ownerId} on
	 * {@code date}, asked without throwing: for pages that offer only what the rules allow.
	 */
	@Transactional(readOnly = true)
	public boolean mayCreate(CurrentUser actor, EntryType type, long ownerId, LocalDate date) {
		return actors.of(actor, ownerId)
			.map(relation -> lockRules.decide(lockQuestion(relation, type, EntryStatus.OPEN, null,
					weekState(ownerId, workspace.cached().weekContaining(date)))).allowed())
			.orElse(false);
	}

	/** Asks the week-locking rules and turns a refusal into a 409 naming the reason. */
	LockDecision ask(Actor actor, EntryType type, EntryStatus status, Long entryId, long ownerId, LocalDate date,
			Workspace settings) {
		return ask(actor, type, status, entryId, weekState(ownerId, settings.weekContaining(date)));
	}

	private LockDecision ask(Actor actor, EntryType type, EntryStatus status, Long entryId, String weekState) {
		LockDecision decision = lockRules.decide(lockQuestion(actor, type, status, entryId, weekState));
		if (!decision.allowed()) {
			throw new ConflictException(decision.reason());
		}
		return decision;
	}

	/**
	 * The week-locking question for an entry ({@code entryId}, or null for a new one) with everything the rules
	 * need to know about it, the client approval that holds it included. Every surface that shows or changes
	 * entries builds its question here, so the rules see the same facts everywhere.
	 */
	public LockQuestion lockQuestion(Actor actor, EntryType type, EntryStatus status, Long entryId, String weekState) {
		String pending = null;
		String signed = null;
		// only sent entries (IN_PROCESS) and signed ones (FINALIZED) can be held by a request: skip the lookup otherwise
		if (entryId != null && (status == EntryStatus.IN_PROCESS || status == EntryStatus.FINALIZED)) {
			Optional<EntryHolds.Hold> holder = approvals.holding(entryId);
			pending = holder.filter(h -> !h.signed()).map(EntryHolds.Hold::description).orElse(null);
			signed = holder.filter(EntryHolds.Hold::signed).map(EntryHolds.Hold::description)
				.orElse(null);
		}
		return new LockQuestion(actor, type.name(), status.name(), weekState, pending, signed);
	}

	private TimeEntry visible(CurrentUser actor, long id) {
		TimeEntry entry = entries.find(id).orElseThrow(() -> new NotFoundException("Time entry", id));
		boolean mayRead = actor.isAdmin() || actor.has(Role.AUDITOR) || entry.userId().equals(actor.id())
				|| (actor.has(Role.MANAGER) && isManagerOf(actor.id(), entry.userId()));
		if (!mayRead) {
			throw new NotFoundException("Time entry", id);
		}
		return entry;
	}

	private boolean isManagerOf(long managerId, long userId) {
		return jdbc.sql("select count(*) from app_user where id = ? and manager_id = ?").params(userId, managerId)
			.query(Long.class).single() > 0;
	}

	/**
	 * Serialises the saves of one person's entries until the transaction ends (the day limit and the weekly grid
	 * rely on it); callers that save several entries at once take it first.
	 */
	public void lockUser(long userId) {
		jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(ENTRY_LOCK_SPACE, (int) userId).query(Object.class)
			.single();
	}

	/** The alerts as an entry shows them. */
	public static List<TimeEntry.Alert> alerts(List<PoAlert> raised) {
		return raised.stream().map(a -> new TimeEntry.Alert(TimeEntry.Alert.PO_THRESHOLD, a.poNumber(),
				a.invoiceGroup(), a.percent())).toList();
	}

	private static String action(String action, LockDecision decision) {
		return decision.audited() ? action + "_OVERRIDE" : action;
	}

	private static <T> T or(T value, T fallback) {
		return value != null ? value : fallback;
	}

	/** The fields of an entry before validation decided its date, minutes, rate and amount. */
	record Draft(EntryType type, long userId, Long projectId, Long activityId, LocalDate date, Integer minutes,
			BigDecimal hours, Instant start, Instant end, String description, boolean billable, boolean notInvoiced,
			Long artworkId, BigDecimal amount, Long vendorId, Long employeeId, String notes, Long purchaseOrderId) {
	}

	/**
	 * What a save needs to know besides the rate, read after the person's lock: the project and the activity,
	 * whether the project has purchase orders, the minutes the person logged on {@code day} (the entry being
	 * changed left out) in one statement, and the stored status of the week holding it, which review answers.
	 * {@code day} is null when the draft gives no usable date; validation then refuses it before the minutes
	 * matter.
	 */
	record SaveFacts(long id, String type, String status, String corporation, String billingMode, Long activityId,
			String category, String activityCorporation, Boolean activityActive, boolean hasOrders, LocalDate day,
			int minutesThatDay, String weekStatus) {

		/** These facts with the stored status of the week holding {@code day}, which review answers. */
		SaveFacts withWeekStatus(String status) {
			return new SaveFacts(id, type, this.status, corporation, billingMode, activityId, category,
					activityCorporation, activityActive, hasOrders, day, minutesThatDay, status);
		}

		/** The week-locking state of the week holding {@code date}: from these facts when they read that day. */
		String weekStateOn(LocalDate date, java.util.function.Supplier<String> read) {
			return date.equals(day) ? weekStateOf(weekStatus) : read.get();
		}
	}

	private SaveFacts facts(Draft d, TimeEntry current, Workspace settings) {
		if (d.projectId() == null) {
			throw new RuleViolationException("projectId", "is required");
		}
		LocalDate day = d.type() == EntryType.ACTIVITY && d.start() != null ? d.start().atZone(settings.zone()).toLocalDate()
				: d.date();
		var params = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
			.addValue("projectId", d.projectId())
			.addValue("activityId", d.activityId(), java.sql.Types.BIGINT)
			.addValue("userId", d.userId())
			.addValue("day", day, java.sql.Types.DATE)
			.addValue("exceptId", current == null ? -1L : current.id());
		return jdbc.sql("""
				select p.id, p.type, p.status, p.corporation, p.billing_mode, a.id as activity_id, a.category,
				       a.corporation as activity_corporation, a.active as activity_active,
				       exists (select 1 from purchase_order po where po.project_id = p.id) as has_orders,
				       cast(:day as date) as day,
				       (select coalesce(sum(e.minutes), 0) from time_entry e
				         where e.user_id = :userId and e.entry_date = :day and e.type = 'ACTIVITY'
				           and e.id <> :exceptId) as minutes_that_day,
				       cast(null as text) as week_status -- review's to answer, filled in below
				from project p left join activity a on a.id = :activityId where p.id = :projectId""")
			.paramSource(params).query(SaveFacts.class).optional()
			.map(f -> f.withWeekStatus(
					day == null ? null : weeks.status(d.userId(), settings.weekContaining(day)).orElse(null)))
			.orElseThrow(() -> new RuleViolationException("projectId", "no such project"));
	}

	/** Checks a draft against the catalog and the rules and completes it into an entry ready to store. */
	TimeEntry validate(Draft d, TimeEntry current, Workspace settings, SaveFacts facts) {
		checkProjectAndActivity(d, current, facts);
		checkPurchaseOrder(d);
		return switch (d.type()) {
			case ACTIVITY -> activityEntry(d, current, settings, facts);
			case FIXED_COST, ADJUSTMENT -> moneyEntry(d);
		};
	}

	/** 422 unless time can be booked on this activity of this project (a running timer is checked the same way). */
	public void checkTrackable(long userId, Long projectId, Long activityId) {
		Draft draft = new Draft(EntryType.ACTIVITY, userId, projectId, activityId, null, null, null, null, null, null,
				true, false, null, null, null, null, null, null);
		checkProjectAndActivity(draft, null, facts(draft, null, workspace.cached()));
	}

	/** 422 naming {@code purchaseOrderId} unless the entry names one of its own project's purchase orders. */
	private void checkPurchaseOrder(Draft d) {
		if (d.purchaseOrderId() != null
				&& jdbc.sql("select count(*) from purchase_order where id = ? and project_id = ?")
					.params(d.purchaseOrderId(), d.projectId()).query(Long.class).single() == 0) {
			throw new RuleViolationException("purchaseOrderId", "no such purchase order on this project");
		}
	}

	private void checkProjectAndActivity(Draft d, TimeEntry current, SaveFacts project) {
		boolean activityChanged = current == null || !Objects.equals(current.activityId(), d.activityId())
				|| !Objects.equals(current.projectId(), d.projectId());
		// an activity that was booked before stays bookable on its entry; only a new choice is asked about
		boolean asksActivity = d.type() != EntryType.ADJUSTMENT && project.activityId() != null && activityChanged;
		ActivityRules.Booking booking = bookability.ask(
				new ProjectFacts(project.id(), project.type(), project.status(), project.corporation()),
				asksActivity ? new ActivityOption(project.activityId(), project.category(),
						project.activityCorporation(), Boolean.TRUE.equals(project.activityActive())) : null);
		if (booking.projectRefusal() != null) {
			throw Bookability.projectRefused(booking);
		}
		if (d.notInvoiced() && !"INVOICE_BUDGET".equals(project.billingMode())) {
			// only projects that invoice their budget track time that is left off the invoice
			throw new RuleViolationException("notInvoiced",
					"only entries of invoice-budget projects can be marked not invoiced");
		}
		if (d.type() != EntryType.ADJUSTMENT) {
			if (d.activityId() == null) {
				throw new RuleViolationException("activityId", "is required");
			}
			if (project.activityId() == null) {
				throw new RuleViolationException("activityId", "no such activity");
			}
			if (booking.activityRefusal() != null) {
				throw Bookability.activityRefused(booking);
			}
		}
		if (d.artworkId() != null && jdbc.sql("select count(*) from artwork where id = ? and project_id = ?")
			.params(d.artworkId(), d.projectId()).query(Long.class).single() == 0) {
			throw new RuleViolationException("artworkId", "no such artwork on this project");
		}
	}

	private TimeEntry activityEntry(Draft d, TimeEntry current, Workspace settings, SaveFacts facts) {
		LocalDate date;
		int minutes;
		Instant start = null;
		Instant end = null;
		if (d.start() != null || d.end() != null) {
			if (d.start() == null || d.end() == null) {
				throw new RuleViolationException(d.start() == null ? "start" : "end", "is required with "
						+ (d.start() == null ? "end" : "start"));
			}
			if (!d.start().isBefore(d.end())) {
				throw new RuleViolationException("end", "must be after start");
			}
			long length = Duration.between(d.start(), d.end()).toMinutes();
			if (length > MINUTES_PER_DAY) {
				throw new RuleViolationException("end", "an entry lasts at most 24 hours");
			}
			start = d.start();
			end = d.end();
			minutes = (int) length;
			date = d.start().atZone(settings.zone()).toLocalDate();
		}
		else {
			if (d.date() == null) {
				throw new RuleViolationException("date", "is required (or give start and end)");
			}
			date = d.date();
			if (d.minutes() != null) {
				minutes = d.minutes();
			}
			else if (d.hours() != null) {
				minutes = d.hours().multiply(BigDecimal.valueOf(60)).setScale(0, RoundingMode.HALF_UP).intValueExact();
			}
			else {
				throw new RuleViolationException("minutes", "is required (or give hours, or start and end)");
			}
		}
		if (minutes < 0 || minutes > MINUTES_PER_DAY) {
			throw new RuleViolationException("minutes", "must be between 0 and 24 hours");
		}
		int logged = date.equals(facts.day()) ? facts.minutesThatDay()
				: entries.minutesOn(d.userId(), date, current == null ? null : current.id());
		if (logged + minutes > MINUTES_PER_DAY) {
			throw new RuleViolationException("minutes", "this would make " + TimeEntry.hoursOf(logged + minutes)
					+ " hours on " + date + "; a day holds at most 24");
		}
		BigDecimal rate;
		String source;
		boolean reprice = current == null || !current.date().equals(date)
				|| !Objects.equals(current.projectId(), d.projectId())
				|| !Objects.equals(current.activityId(), d.activityId()) || current.rate() == null;
		if (reprice) {
			RateAnswer answer = resolveRate(d.userId(), d.projectId(), d.activityId(), date, settings);
			rate = answer.hourlyRate();
			source = answer.source();
		}
		else {
			rate = current.rate();
			source = current.rateSource();
		}
		return new TimeEntry(null, EntryType.ACTIVITY, d.userId(), d.projectId(), d.activityId(), date, start, end,
				minutes, rate, source, TimeEntry.amountFor(minutes, rate), d.billable(), d.notInvoiced(),
				trimToNull(d.description()), trimToNull(d.notes()), null, null, d.artworkId(), d.purchaseOrderId(),
				EntryStatus.OPEN, null, null, null, 0, List.of());
	}

	private TimeEntry moneyEntry(Draft d) {
		if (d.date() == null) {
			throw new RuleViolationException("date", "is required");
		}
		if (d.amount() == null) {
			throw new RuleViolationException("amount", "is required");
		}
		BigDecimal amount = d.amount().setScale(2, RoundingMode.HALF_UP);
		if (d.type() == EntryType.FIXED_COST && amount.signum() <= 0) {
			throw new RuleViolationException("amount", "a fixed cost must be more than zero");
		}
		if (d.type() == EntryType.ADJUSTMENT && amount.signum() == 0) {
			throw new RuleViolationException("amount", "an adjustment must charge or credit something");
		}
		if (d.type() == EntryType.ADJUSTMENT && !StringUtils.hasText(d.notes())) {
			throw new RuleViolationException("notes", "an adjustment needs notes explaining it");
		}
		if (d.vendorId() != null && jdbc.sql("select count(*) from vendor where id = ?").param(d.vendorId())
			.query(Long.class).single() == 0) {
			throw new RuleViolationException("vendorId", "no such vendor");
		}
		if (d.employeeId() != null && jdbc.sql("select count(*) from app_user where id = ?").param(d.employeeId())
			.query(Long.class).single() == 0) {
			throw new RuleViolationException("employeeId", "no such user");
		}
		boolean fixedCost = d.type() == EntryType.FIXED_COST;
		return new TimeEntry(null, d.type(), d.userId(), d.projectId(), fixedCost ? d.activityId() : null, d.date(),
				null, null, null, null, null, amount, d.billable(), d.notInvoiced(), trimToNull(d.description()),
				trimToNull(d.notes()), fixedCost ? d.vendorId() : null, fixedCost ? d.employeeId() : null, d.artworkId(),
				d.purchaseOrderId(), EntryStatus.OPEN, null, null, null, 0, List.of());
	}

	/** The rate in force for this user, project and activity on {@code date}, decided by the rate rules. */
	public RateAnswer resolveRate(long userId, long projectId, Long activityId, LocalDate date, Workspace settings) {
		return rateLookup.rateFor(userId, projectId, activityId, date, settings.defaultRate());
	}

	private static String trimToNull(String value) {
		return StringUtils.hasText(value) ? value.trim() : null;
	}
}
