package com.nexustime.timesheet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.budget.PoBudgetWatch;
import com.nexustime.rules.Actor;
import com.nexustime.rules.LockQuestion;
import com.nexustime.rules.WeekLockRules;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.security.Role;
import com.nexustime.system.web.ConflictException;
import com.nexustime.system.web.NotFoundException;
import com.nexustime.system.web.RuleViolationException;
import com.nexustime.timesheet.WeekEntries.Cell;
import com.nexustime.timesheet.WeekEntries.Line;
import com.nexustime.tracking.Bookability;
import com.nexustime.tracking.EntryActors;
import com.nexustime.tracking.EntryChanges;
import com.nexustime.tracking.EntryRequest;
import com.nexustime.tracking.EntryStatus;
import com.nexustime.tracking.EntryType;
import com.nexustime.tracking.TimeEntry;
import com.nexustime.tracking.TimeEntryService;
import com.nexustime.workspace.Workspace;
import com.nexustime.workspace.WorkspaceSettings;

/**
 * The weekly grid: reads a person's week as rows project × activity and saves the grid cell by cell through
 * {@link TimeEntryService}, so the grid obeys the same rules, rate snapshots and audit as single entries.
 * A save holds the owner's entry lock for its whole transaction and is all-or-nothing.
 */
@Service
public class TimesheetService {

	static final int DAYS = 7;

	private final WeekEntries week;

	private final TimeEntryService entries;

	private final WeekLockRules lockRules;

	private final WorkspaceSettings workspace;

	private final PoBudgetWatch budget;

	private final EntryActors actors;

	private final Bookability bookability;

	TimesheetService(WeekEntries week, TimeEntryService entries, WeekLockRules lockRules,
			WorkspaceSettings workspace, PoBudgetWatch budget, EntryActors actors, Bookability bookability) {
		this.actors = actors;
		this.bookability = bookability;
		this.week = week;
		this.entries = entries;
		this.lockRules = lockRules;
		this.workspace = workspace;
		this.budget = budget;
	}

	/** The week that holds {@code date} in the workspace's calendar. */
	@Transactional(readOnly = true)
	public LocalDate weekContaining(LocalDate date) {
		return workspace.current().weekContaining(date);
	}

	/** Today's week in the workspace's time zone. */
	@Transactional(readOnly = true)
	public LocalDate currentWeek() {
		Workspace settings = workspace.current();
		return settings.weekContaining(LocalDate.now(settings.zone()));
	}

	@Transactional(readOnly = true)
	public WeekGrid grid(CurrentUser actor, LocalDate weekStart, Long userId) {
		checkWeekStart(weekStart);
		long owner = visibleOwner(actor, userId);
		return read(actor, owner, weekStart);
	}

	/**
	 * Saves the requested rows: each cell whose hours differ from the stored sum is brought to the requested
	 * value by creating, changing or deleting entries; decreases go first so that moving hours between rows of
	 * one day never trips the 24-hours limit halfway. Rows of the week left out of the request stay as they are.
	 * The purchase orders of the projects it touched are checked once, at the end; the grid answers the alerts.
	 */
	@Transactional
	public WeekGrid save(CurrentUser actor, LocalDate weekStart, GridChanges changes) {
		checkWeekStart(weekStart);
		long owner = visibleOwner(actor, changes.userId());
		entries.relation(actor, owner);
		List<Target> targets = targets(changes);
		entries.lockUser(owner);

		Map<LineKey, List<List<Cell>>> stored = byLineAndDay(week.cells(owner, weekStart), weekStart);
		for (Target target : targets) {
			checkArtwork(target.index(), target.line(), addsTime(target, stored));
		}
		List<Adjustment> decreases = new ArrayList<>();
		List<Adjustment> increases = new ArrayList<>();
		for (Target target : targets) {
			List<List<Cell>> days = stored.getOrDefault(target.line(), emptyDays());
			boolean emptiesRow = IntStream.of(target.minutes()).allMatch(m -> m == 0);
			for (int d = 0; d < DAYS; d++) {
				List<Cell> cell = days.get(d);
				int storedMinutes = cell.stream().mapToInt(Cell::minutes).sum();
				boolean zeroMinuteEntries = emptiesRow && !cell.isEmpty();
				if (storedMinutes == target.minutes()[d] && !zeroMinuteEntries) {
					continue;
				}
				Adjustment adjustment = new Adjustment(target, d, weekStart.plusDays(d), cell, storedMinutes);
				(target.minutes()[d] < storedMinutes || zeroMinuteEntries ? decreases : increases).add(adjustment);
			}
			if (emptiesRow && days.stream().anyMatch(cell -> !cell.isEmpty())) {
				// a row saved empty after holding hours leaves the grid with its entries
				week.unpin(owner, weekStart, target.line().projectId(), target.line().activityId(),
						target.line().artworkId());
			}
		}
		budget.holdUntilEnd();
		decreases.forEach(a -> apply(actor, owner, a));
		increases.forEach(a -> apply(actor, owner, a));
		if (targets.stream().anyMatch(Target::hasNotes)) {
			saveNotes(actor, owner, weekStart, targets);
		}
		List<TimeEntry.Alert> alerts = TimeEntryService.alerts(budget.settleHeld(actor));
		return read(actor, owner, weekStart).withAlerts(alerts);
	}

	/** Pins last week's project × activity rows to this week, with no hours, and answers the grid. */
	@Transactional
	public WeekGrid copyPrevious(CurrentUser actor, LocalDate weekStart, Long userId) {
		checkWeekStart(weekStart);
		long owner = visibleOwner(actor, userId);
		entries.relation(actor, owner);
		for (Line line : week.lines(owner, weekStart.minusDays(DAYS))) {
			try {
				entries.checkTrackable(owner, line.projectId(), line.activityId());
				week.pin(owner, weekStart, line.projectId(), line.activityId(), line.artworkId());
			}
			catch (RuleViolationException closedOrUnavailable) {
				// a project closed since, or an activity no longer offered, is not carried into the new week
			}
		}
		return read(actor, owner, weekStart);
	}

	/**
	 * Pins one project × activity (× artwork, on per-piece work) to the week, if the activity-availability rules
	 * allow it on the project and the artwork is one of the project's (422 naming {@code artworkId} otherwise).
	 */
	@Transactional
	public WeekGrid addRow(CurrentUser actor, LocalDate weekStart, NewRow row) {
		checkWeekStart(weekStart);
		long owner = visibleOwner(actor, row.userId());
		entries.relation(actor, owner);
		entries.checkTrackable(owner, row.projectId(), row.activityId());
		entries.checkArtwork(row.projectId(), row.artworkId());
		week.pin(owner, weekStart, row.projectId(), row.activityId(), row.artworkId());
		return read(actor, owner, weekStart);
	}

	/**
	 * Pastes a block that names its rows: each line's project and activity are looked up by name (case does not
	 * matter) among what {@link Bookability} lets the person book, missing rows are pinned, and each named row's
	 * hours become the pasted ones through the same save as the grid. Every unknown or unavailable name is
	 * reported, by line, and nothing is applied unless all lines resolve.
	 */
	@Transactional
	public WeekGrid paste(CurrentUser actor, LocalDate weekStart, PastedRows pasted) {
		checkWeekStart(weekStart);
		long owner = visibleOwner(actor, pasted.userId());
		entries.relation(actor, owner);
		List<PastedBlock.Line> lines = PastedBlock.parse(pasted.text());
		Map<String, List<Bookability.ProjectChoice>> projects = new HashMap<>();
		for (Bookability.ProjectChoice project : bookability.projects()) {
			projects.computeIfAbsent(project.name().strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(project);
		}
		Map<Long, List<Bookability.ActivityChoice>> activities = new HashMap<>();
		List<String> problems = new ArrayList<>();
		List<GridChanges.RowHours> rows = new ArrayList<>();
		Map<LineKey, Integer> seen = new HashMap<>();
		for (PastedBlock.Line line : lines) {
			List<Bookability.ProjectChoice> named = projects.getOrDefault(line.project().toLowerCase(Locale.ROOT), List.of());
			if (named.size() != 1) {
				problems.add("line " + line.number() + ": " + (named.isEmpty()
						? "no project you may book is called \"" + line.project() + "\""
						: "\"" + line.project() + "\" names " + named.size() + " projects; add that row by hand"));
				continue;
			}
			Bookability.ProjectChoice project = named.get(0);
			List<Bookability.ActivityChoice> offered = activities.computeIfAbsent(project.id(), bookability::activities);
			var activity = offered.stream().filter(a -> a.name().strip().equalsIgnoreCase(line.activity())).findFirst();
			if (activity.isEmpty()) {
				problems.add("line " + line.number() + ": \"" + line.activity() + "\" is not an activity you may book on "
						+ project.name());
				continue;
			}
			Integer earlier = seen.putIfAbsent(new LineKey(project.id(), activity.get().id(), null), line.number());
			if (earlier != null) {
				problems.add("line " + line.number() + " repeats line " + earlier + " (" + project.name() + " — "
						+ activity.get().name() + ")");
				continue;
			}
			rows.add(new GridChanges.RowHours(project.id(), activity.get().id(), line.hours()));
		}
		if (!problems.isEmpty()) {
			throw new RuleViolationException("text", String.join("; ", problems));
		}
		for (GridChanges.RowHours row : rows) {
			entries.checkTrackable(owner, row.projectId(), row.activityId());
			week.pin(owner, weekStart, row.projectId(), row.activityId(), null);
		}
		try {
			return save(actor, weekStart, new GridChanges(pasted.userId(), rows));
		}
		catch (RuleViolationException refused) {
			throw new RuleViolationException("text", pastedLine(refused.field(), lines) + refused.getMessage());
		}
	}

	/** "line 3: " for a save problem on rows[1], so a refused paste names the line the person pasted. */
	private static String pastedLine(String field, List<PastedBlock.Line> lines) {
		var at = java.util.regex.Pattern.compile("^rows\\[(\\d+)\\]").matcher(field == null ? "" : field);
		return at.find() ? "line " + lines.get(Integer.parseInt(at.group(1))).number() + ": " : "";
	}

	/** The caller's favourite project × activity pairs. */
	@Transactional(readOnly = true)
	public List<Favourite> favourites(CurrentUser actor) {
		return week.favourites(actor.id()).stream().map(Favourite::of).toList();
	}

	/** Stars a pair the caller may book; starring it again changes nothing. */
	@Transactional
	public List<Favourite> addFavourite(CurrentUser actor, FavouriteRequest pair) {
		entries.checkTrackable(actor.id(), pair.projectId(), pair.activityId());
		week.addFavourite(actor.id(), pair.projectId(), pair.activityId());
		return favourites(actor);
	}

	/** Unstars a pair; 404 when the caller had not starred it. */
	@Transactional
	public void removeFavourite(CurrentUser actor, long projectId, long activityId) {
		if (!week.removeFavourite(actor.id(), projectId, activityId)) {
			throw new NotFoundException("Favourite", projectId + "/" + activityId);
		}
	}

	/** A starred project × activity pair. */
	public record Favourite(long projectId, String projectName, long activityId, String activityName) {

		static Favourite of(Line line) {
			return new Favourite(line.projectId(), line.projectName(), line.activityId(), line.activityName());
		}
	}

	private WeekGrid read(CurrentUser actor, long owner, LocalDate weekStart) {
		// entries, marked lines and the week's state in one round trip
		WeekEntries.Week stored = week.week(owner, weekStart);
		List<Cell> cells = stored.cells();
		Map<LineKey, Line> lines = new LinkedHashMap<>();
		for (Cell c : cells) {
			lines.putIfAbsent(LineKey.of(c), new Line(c.projectId(), c.projectName(), c.activityId(),
					c.activityName(), c.artworkId(), c.artworkName()));
		}
		Map<LineKey, String> rowNotes = new HashMap<>();
		List<WeekEntries.MarkedLine> notedOnly = new ArrayList<>();
		for (WeekEntries.MarkedLine marked : stored.marked()) {
			LineKey key = new LineKey(marked.projectId(), marked.activityId(), marked.artworkId());
			if (marked.pinned()) {
				lines.putIfAbsent(key, marked.line());
			}
			else {
				notedOnly.add(marked);
			}
			if (marked.note() != null) {
				rowNotes.put(key.pair(), marked.note());
			}
		}
		for (WeekEntries.MarkedLine marked : notedOnly) {
			// a note with no pinned row shows on the pair's rows; only a pair with none gets a row of its own
			LineKey pair = new LineKey(marked.projectId(), marked.activityId(), null);
			if (lines.keySet().stream().noneMatch(k -> k.pair().equals(pair))) {
				lines.put(pair, marked.line());
			}
		}
		Map<LineKey, List<List<Cell>>> byCell = byLineAndDay(cells, weekStart);
		// the week's stored state, read once: the grid shows it and the lock rules get it as it is (never
		// submitted: OPEN), which is what TimeEntryService.weekState would read again
		String state = stored.status() == null ? "OPEN" : stored.status();
		// the manager's comment shows on a week sent back only: read it then, and only then
		String comment = "REJECTED".equals(state)
				? week.status(owner, weekStart).map(WeekEntries.WeekStatus::comment).orElse(null) : null;
		CellLocks locks = new CellLocks(lockActor(actor, owner), state);

		int[] dayMinutes = new int[DAYS];
		List<WeekGrid.Row> rows = new ArrayList<>();
		for (Line line : lines.values()) {
			LineKey key = new LineKey(line.projectId(), line.activityId(), line.artworkId());
			List<List<Cell>> days = byCell.getOrDefault(key, emptyDays());
			List<BigDecimal> hours = new ArrayList<>();
			List<Boolean> locked = new ArrayList<>();
			List<String> notes = new ArrayList<>();
			int rowMinutes = 0;
			for (int d = 0; d < DAYS; d++) {
				notes.add(cellNote(days.get(d)));
				int minutes = days.get(d).stream().mapToInt(Cell::minutes).sum();
				hours.add(TimeEntry.hoursOf(minutes));
				locked.add(locks.locked(days.get(d)));
				rowMinutes += minutes;
				dayMinutes[d] += minutes;
			}
			rows.add(new WeekGrid.Row(line.projectId(), line.projectName(), line.activityId(), line.activityName(),
					hours, locked, TimeEntry.hoursOf(rowMinutes), rowNotes.get(key.pair()), notes, line.artworkId(),
					line.artworkName()));
		}
		rows.sort(Comparator.comparing(WeekGrid.Row::projectName, String.CASE_INSENSITIVE_ORDER)
			.thenComparing(WeekGrid.Row::activityName, String.CASE_INSENSITIVE_ORDER)
			.thenComparing(WeekGrid.Row::projectId).thenComparing(WeekGrid.Row::activityId)
			.thenComparing(WeekGrid.Row::artworkName, Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER))
			.thenComparing(WeekGrid.Row::artworkId, Comparator.nullsFirst(Comparator.naturalOrder())));
		return new WeekGrid(owner, weekStart, IntStream.range(0, DAYS).mapToObj(weekStart::plusDays).toList(),
				state, comment, rows,
				IntStream.of(dayMinutes).mapToObj(TimeEntry::hoursOf).toList(),
				TimeEntry.hoursOf(IntStream.of(dayMinutes).sum()), List.of());
	}

	/** Brings one cell to its requested minutes through the entry service, newest entries first. */
	private void apply(CurrentUser actor, long owner, Adjustment a) {
		int wanted = a.target().minutes()[a.day()];
		List<Cell> newestFirst = new ArrayList<>(a.cell());
		newestFirst.sort(Comparator.comparingLong(Cell::id).reversed());
		try {
			if (newestFirst.isEmpty()) {
				entries.create(actor, new EntryRequest(EntryType.ACTIVITY, owner, a.target().line().projectId(),
						a.target().line().activityId(), a.date(), wanted, null, null, null, null, null, null, null,
						null, null, null, null).withArtwork(a.target().line().artworkId()));
				return;
			}
			int change = wanted - a.storedMinutes();
			if (change > 0) {
				Cell newest = newestFirst.get(0);
				entries.update(actor, newest.id(), minutes(newest.minutes() + change, newest.version()));
				return;
			}
			int toRemove = -change;
			for (Cell entry : newestFirst) {
				if (toRemove == 0 && wanted > 0) {
					break;
				}
				if (toRemove >= entry.minutes()) {
					entries.delete(actor, entry.id());
					toRemove -= entry.minutes();
				}
				else {
					entries.update(actor, entry.id(), minutes(entry.minutes() - toRemove, entry.version()));
					toRemove = 0;
				}
			}
		}
		catch (RuleViolationException refused) {
			String field = refused.field() != null && refused.field().endsWith("Id") ? refused.field()
					: "hours[" + a.day() + "]";
			throw new RuleViolationException("rows[" + a.target().index() + "]." + field,
					dayName(a.date()) + ": " + refused.getMessage());
		}
		catch (ConflictException locked) {
			throw new ConflictException(dayName(a.date()) + ": " + locked.getMessage());
		}
	}

	/**
	 * Brings row notes and cell notes to what the request asks, after its hours are in. A row note changes under
	 * the same week lock as new hours on the row. A cell note is the description of the cell's entries: the newest
	 * entry takes the text and older ones in the cell lose theirs, so the cell shows exactly what was typed; a note
	 * on a day without hours is refused, since there is no entry to carry it.
	 */
	private void saveNotes(CurrentUser actor, long owner, LocalDate weekStart, List<Target> targets) {
		Map<LineKey, List<List<Cell>>> stored = byLineAndDay(week.cells(owner, weekStart), weekStart);
		Map<LineKey, String> rowNotes = new HashMap<>();
		CellLocks locks = null;
		if (targets.stream().anyMatch(t -> t.note() != null)) {
			week.marked(owner, weekStart).stream().filter(m -> m.note() != null)
				.forEach(m -> rowNotes.put(new LineKey(m.projectId(), m.activityId(), null), m.note()));
			locks = new CellLocks(lockActor(actor, owner), entries.weekState(owner, weekStart));
		}
		for (Target target : targets) {
			LineKey pair = target.line().pair();
			if (target.note() != null && !target.note().equals(rowNotes.getOrDefault(pair, ""))) {
				if (locks.locked(List.of())) {
					// the same answer as a locked cell's hours: a 409 with the locking rule's reason
					throw new ConflictException("rows[" + target.index() + "].note", locks.reason());
				}
				week.saveRowNote(owner, weekStart, target.line().projectId(), target.line().activityId(),
						target.note());
				rowNotes.put(pair, target.note());
			}
			if (target.notes() == null) {
				continue;
			}
			List<List<Cell>> days = stored.getOrDefault(target.line(), emptyDays());
			for (int d = 0; d < DAYS; d++) {
				String wanted = target.notes().get(d);
				List<Cell> cell = days.get(d);
				if (wanted == null || wanted.equals(cellNote(cell))) {
					continue;
				}
				LocalDate date = weekStart.plusDays(d);
				if (cell.isEmpty()) {
					throw new GridInputException("rows[" + target.index() + "].notes[" + d + "]",
							dayName(date) + ": a note needs hours on that day");
				}
				List<Cell> newestFirst = new ArrayList<>(cell);
				newestFirst.sort(Comparator.comparingLong(Cell::id).reversed());
				try {
					for (int i = 0; i < newestFirst.size(); i++) {
						Cell entry = newestFirst.get(i);
						String text = i == 0 ? wanted : "";
						if (!text.equals(entry.description() == null ? "" : entry.description())) {
							entries.update(actor, entry.id(), description(text, entry.version()));
						}
					}
				}
				catch (RuleViolationException refused) {
					throw new RuleViolationException("rows[" + target.index() + "].notes[" + d + "]",
							dayName(date) + ": " + refused.getMessage());
				}
				catch (ConflictException locked) {
					throw new ConflictException(dayName(date) + ": " + locked.getMessage());
				}
			}
		}
	}

	/** What a cell's note shows: its entries' descriptions, oldest first, each once, joined with "; ". */
	static String cellNote(List<Cell> cell) {
		Set<String> parts = new java.util.LinkedHashSet<>();
		cell.stream().sorted(Comparator.comparingLong(Cell::id)).map(Cell::description)
			.filter(text -> text != null && !text.isBlank()).map(String::trim).forEach(parts::add);
		return String.join("; ", parts);
	}

	private static String trimmed(String text) {
		return text == null ? null : text.strip();
	}

	private static EntryChanges description(String text, int version) {
		return new EntryChanges(null, null, null, null, null, null, null, text, null, null, null, null, null, null,
				null, version);
	}

	private static EntryChanges minutes(int minutes, int version) {
		return new EntryChanges(null, null, null, minutes, null, null, null, null, null, null, null, null, null, null,
				null, version);
	}

	/** Reads the requested rows: whole minutes per cell, each project × activity at most once. */
	private static List<Target> targets(GridChanges changes) {
		List<Target> targets = new ArrayList<>();
		Set<LineKey> seen = new HashSet<>();
		Map<LineKey, String> pairNotes = new HashMap<>();
		for (int i = 0; i < changes.rows().size(); i++) {
			GridChanges.RowHours row = changes.rows().get(i);
			LineKey line = new LineKey(row.projectId(), row.activityId(), row.artworkId());
			if (!seen.add(line)) {
				throw new GridInputException("rows[" + i + "]", row.artworkId() == null
						? "the project and activity appear twice in the grid"
						: "the project, activity and artwork appear twice in the grid");
			}
			String note = trimmed(row.note());
			String other = note == null ? null : pairNotes.putIfAbsent(line.pair(), note);
			if (other != null && !other.equals(note)) {
				// the artwork rows of one project × activity share their row note
				throw new GridInputException("rows[" + i + "].note",
						"rows of the same project and activity share one note; give them the same text");
			}
			int[] minutes = new int[DAYS];
			for (int d = 0; d < DAYS; d++) {
				try {
					minutes[d] = HoursInput.minutes(row.hours().get(d));
				}
				catch (IllegalArgumentException unreadable) {
					throw new GridInputException("rows[" + i + "].hours[" + d + "]", unreadable.getMessage());
				}
			}
			targets.add(new Target(i, line, minutes, note,
					row.notes() == null ? null : row.notes().stream().map(TimesheetService::trimmed).toList()));
		}
		return targets;
	}

	private void checkWeekStart(LocalDate weekStart) {
		// the briefly cached settings, as every entry save reads them
		if (!TimeEntry.datable(weekStart) || !TimeEntry.datable(weekStart.plusDays(DAYS - 1))) {
			throw new GridInputException("weekStart", "must be a week between " + TimeEntry.FIRST_DAY + " and "
					+ TimeEntry.LAST_DAY);
		}
		Workspace settings = workspace.cached();
		if (!settings.weekContaining(weekStart).equals(weekStart)) {
			throw new GridInputException("weekStart", "weeks start on "
					+ settings.weekStart().day().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + "; "
					+ weekStart + " is a " + weekStart.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
		}
	}

	/**
	 * The owner of the week asked for: the caller, or someone whose weeks the caller may see (their manager,
	 * admins, auditors). Everyone else learns nothing: 404.
	 */
	private long visibleOwner(CurrentUser actor, Long userId) {
		long owner = userId != null ? userId : actor.id();
		boolean mayView = owner == actor.id() || actor.isAdmin() || actor.has(Role.AUDITOR)
				|| (actor.has(Role.MANAGER) && week.isManagerOf(actor.id(), owner));
		// the caller exists; only someone else's id needs looking up
		if (!mayView || (owner != actor.id() && !week.userExists(owner))) {
			throw new NotFoundException("Timesheet of user", owner);
		}
		return owner;
	}

	/** How the caller relates to the owner for the lock rules; null for readers who may change nothing. */
	private Actor lockActor(CurrentUser actor, long owner) {
		return actors.of(actor, owner).orElse(null);
	}

	private static Map<LineKey, List<List<Cell>>> byLineAndDay(List<Cell> cells, LocalDate weekStart) {
		Map<LineKey, List<List<Cell>>> result = new HashMap<>();
		for (Cell c : cells) {
			int day = (int) (c.date().toEpochDay() - weekStart.toEpochDay());
			result.computeIfAbsent(LineKey.of(c), k -> emptyDays()).get(day).add(c);
		}
		return result;
	}

	private static List<List<Cell>> emptyDays() {
		return IntStream.range(0, DAYS).mapToObj(d -> (List<Cell>) new ArrayList<Cell>()).toList();
	}

	private static String dayName(LocalDate date) {
		return date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + date;
	}

	/**
	 * Asks the week-locking rules once per distinct question: the week's state is the same for every cell, so
	 * entries differ only by status and by the client approval that holds them. Only a sent (IN_PROCESS) or
	 * signed (FINALIZED) entry can be held by a client approval, so for the other statuses — a new entry is
	 * OPEN — the question is one per status and is remembered by status, with no question built per cell (the
	 * record's equals and hashCode on 210 cells were a quarter of a grid read's CPU samples).
	 */
	private final class CellLocks {

		private final Actor actor;

		private final String weekState;

		private final Map<LockQuestion, Boolean> refused = new HashMap<>();

		private final Map<EntryStatus, Boolean> refusedByStatus = new java.util.EnumMap<>(EntryStatus.class);

		CellLocks(Actor actor, String weekState) {
			this.actor = actor;
			this.weekState = weekState;
		}

		/** Why a new entry in this week is refused: the week-locking rule's own reason. */
		String reason() {
			String reason = actor == null ? null
					: lockRules.decide(entries.lockQuestion(actor, EntryType.ACTIVITY, EntryStatus.OPEN, null, weekState))
						.reason();
			return reason == null ? "the week is locked" : reason;
		}

		/** A cell is locked when a new entry there, or any entry in it, may not be changed by the caller. */
		boolean locked(List<Cell> cell) {
			if (actor == null) {
				return true;
			}
			if (cell.isEmpty()) {
				return refused(null, EntryStatus.OPEN);
			}
			return cell.stream().anyMatch(c -> refused(c.id(), EntryStatus.valueOf(c.status())));
		}

		private boolean refused(Long entryId, EntryStatus status) {
			if (!status.mayBeHeldByApproval()) {
				Boolean known = refusedByStatus.get(status);
				if (known == null) {
					known = !lockRules.decide(entries.lockQuestion(actor, EntryType.ACTIVITY, status, entryId, weekState))
						.allowed();
					refusedByStatus.put(status, known);
				}
				return known;
			}
			LockQuestion question = entries.lockQuestion(actor, EntryType.ACTIVITY, status, entryId, weekState);
			return refused.computeIfAbsent(question, q -> !lockRules.decide(q).allowed());
		}
	}

	/** A grid row's identity: project × activity, and the artwork on per-piece work (null for none). */
	record LineKey(long projectId, long activityId, Long artworkId) {

		static LineKey of(Cell cell) {
			return new LineKey(cell.projectId(), cell.activityId(), cell.artworkId());
		}

		/** The project × activity the row note belongs to. */
		LineKey pair() {
			return artworkId == null ? this : new LineKey(projectId, activityId, null);
		}
	}

	/** Whether the row asks for more minutes than are stored on some day (new time on its artwork). */
	private static boolean addsTime(Target target, Map<LineKey, List<List<Cell>>> stored) {
		List<List<Cell>> days = stored.get(target.line());
		for (int d = 0; d < DAYS; d++) {
			int storedMinutes = days == null ? 0 : days.get(d).stream().mapToInt(Cell::minutes).sum();
			if (target.minutes()[d] > storedMinutes) {
				return true;
			}
		}
		return false;
	}

	/**
	 * 422 naming {@code rows[i].artworkId} when a row names an artwork of another project, or adds hours to a
	 * completed artwork.
	 */
	private void checkArtwork(int index, LineKey line, boolean addsTime) {
		try {
			entries.checkArtwork(line.projectId(), line.artworkId(), addsTime);
		}
		catch (RuleViolationException refused) {
			throw new RuleViolationException("rows[" + index + "]." + refused.field(), refused.getMessage());
		}
	}

	/**
	 * A requested row: its place in the request, its project × activity, the minutes wanted per day and, when
	 * given, its row note and cell notes (trimmed).
	 */
	record Target(int index, LineKey line, int[] minutes, String note, List<String> notes) {

		boolean hasNotes() {
			return note != null || notes != null;
		}
	}

	/** One cell to bring from its stored minutes to the requested ones. */
	record Adjustment(Target target, int day, LocalDate date, List<Cell> cell, int storedMinutes) {
	}
}
