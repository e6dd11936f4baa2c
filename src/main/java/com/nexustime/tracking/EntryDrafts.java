package com.nexustime.tracking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import com.nexustime.rates.RateLookup;
import com.nexustime.rules.ActivityOption;
import com.nexustime.rules.ActivityRules;
import com.nexustime.rules.ProjectFacts;
import com.nexustime.rules.RateAnswer;
import com.nexustime.system.web.RuleViolationException;
import com.nexustime.workspace.Workspace;

/**
 * Turns a draft into an entry ready to store: reads the save's facts, checks the draft against the catalog, the
 * activity-availability rules and the 24-hour day, and prices time by the rate rules. Refusals are 422s naming
 * the field.
 */
@Component
class EntryDrafts {

	private static final int MINUTES_PER_DAY = 24 * 60;

	private final TimeEntryStore store;

	private final TimeEntries entries;

	private final Bookability bookability;

	private final RateLookup rateLookup;

	EntryDrafts(TimeEntryStore store, TimeEntries entries, Bookability bookability, RateLookup rateLookup) {
		this.store = store;
		this.entries = entries;
		this.bookability = bookability;
		this.rateLookup = rateLookup;
	}

	/**
	 * The facts a save of {@code d} reads ({@link SaveFacts}), {@code current} being the entry it changes (null
	 * for a new one); with {@code lockOwner} the owner's lock is taken first, in the same round trip.
	 */
	SaveFacts facts(EntryDraft d, TimeEntry current, Workspace settings, boolean lockOwner) {
		if (d.projectId() == null) {
			throw new RuleViolationException("projectId", "is required");
		}
		LocalDate day = d.type() == EntryType.ACTIVITY && d.start() != null ? d.start().atZone(settings.zone()).toLocalDate()
				: d.date();
		return store.saveFacts(d, current == null ? null : current.id(), day,
				day == null ? null : settings.weekContaining(day), lockOwner)
			.orElseThrow(() -> new RuleViolationException("projectId", "no such project"));
	}

	/** Checks a draft against the catalog and the rules and completes it into an entry ready to store. */
	TimeEntry validate(EntryDraft d, TimeEntry current, Workspace settings, SaveFacts facts) {
		checkProjectAndActivity(d, current, facts);
		checkPurchaseOrder(d);
		return switch (d.type()) {
			case ACTIVITY -> activityEntry(d, current, settings, facts);
			case FIXED_COST, ADJUSTMENT -> moneyEntry(d, facts);
		};
	}

	/**
	 * See {@link TimeEntryService#checkTrackable}; answers the billable flag an entry of this booking would get
	 * ({@code billable} as given, else the activity's).
	 */
	boolean checkTrackable(long userId, Long projectId, Long activityId, Boolean billable, Workspace settings) {
		EntryDraft draft = EntryDraft.trackable(userId, projectId, activityId);
		SaveFacts facts = facts(draft, null, settings, false);
		checkProjectAndActivity(draft, null, facts);
		return billable(billable, facts.activityBillable());
	}

	/**
	 * Whether an entry is billable: as the person said, else as its activity is marked (internal activities are
	 * not billable), else (no activity, e.g. an adjustment) billable. The one place every save path's default
	 * comes from.
	 */
	static boolean billable(Boolean given, Boolean activityBillable) {
		if (given != null) {
			return given;
		}
		return activityBillable == null || activityBillable;
	}

	/** 422 naming {@code purchaseOrderId} unless the entry names one of its own project's purchase orders. */
	private void checkPurchaseOrder(EntryDraft d) {
		if (d.purchaseOrderId() != null && !store.purchaseOrderOnProject(d.purchaseOrderId(), d.projectId())) {
			throw new RuleViolationException("purchaseOrderId", "no such purchase order on this project");
		}
	}

	private void checkProjectAndActivity(EntryDraft d, TimeEntry current, SaveFacts project) {
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
		checkArtwork(d.projectId(), d.artworkId(),
				current == null || !Objects.equals(current.artworkId(), d.artworkId()));
	}

	/**
	 * The one check of an entry's {@code artworkId} (entry saves, the timer, the grid's rows): 422 naming it
	 * unless the artwork belongs to the project, and, when the booking adds time to it ({@code addsTime}), unless
	 * it is still in progress: a completed artwork was priced and finalized, so no new time goes on it.
	 */
	void checkArtwork(Long projectId, Long artworkId, boolean addsTime) {
		if (artworkId == null) {
			return;
		}
		if (projectId == null || !store.artworkOnProject(artworkId, projectId)) {
			throw new RuleViolationException("artworkId", "no such artwork on this project");
		}
		if (addsTime) {
			store.completedArtworkName(artworkId).ifPresent(name -> {
				throw new RuleViolationException("artworkId", "artwork " + name + " is complete");
			});
		}
	}

	private TimeEntry activityEntry(EntryDraft d, TimeEntry current, Workspace settings, SaveFacts facts) {
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
			checkDatable(date, "start");
		}
		else {
			if (d.date() == null) {
				throw new RuleViolationException("date", "is required (or give start and end)");
			}
			date = d.date();
			checkDatable(date, "date");
			if (d.minutes() != null) {
				minutes = d.minutes();
			}
			else if (d.hours() != null) {
				if (d.hours().abs().compareTo(BigDecimal.valueOf(MINUTES_PER_DAY / 60)) > 0) {
					throw new RuleViolationException("hours", "must be between 0 and 24");
				}
				minutes = d.hours().multiply(BigDecimal.valueOf(60)).setScale(0, RoundingMode.HALF_UP).intValueExact();
				if (minutes == 0 && d.hours().signum() != 0) {
					// rounding it away would store nothing while the person thinks time was recorded
					throw new RuleViolationException("hours", "is less than a minute, the smallest unit an entry holds");
				}
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
			// the candidates came with the facts: they concern the user, project and activity, whatever the date
			RateAnswer answer = rateLookup.choose(d.userId(), d.projectId(), d.activityId(), date,
					settings.defaultRate(), facts.rateCandidates());
			rate = answer.hourlyRate();
			source = answer.source();
		}
		else {
			rate = current.rate();
			source = current.rateSource();
		}
		return new TimeEntry(null, EntryType.ACTIVITY, d.userId(), d.projectId(), d.activityId(), date, start, end,
				minutes, rate, source, TimeEntry.amountFor(minutes, rate), billable(d.billable(), facts.activityBillable()),
				d.notInvoiced(),
				trimToNull(d.description()), trimToNull(d.notes()), null, null, d.artworkId(), d.purchaseOrderId(),
				EntryStatus.OPEN, null, null, null, 0, List.of());
	}

	/* 422 for a day outside the range the reports and the project figures read, so every figure sees every entry */
	private static void checkDatable(LocalDate date, String field) {
		if (!TimeEntry.datable(date)) {
			throw new RuleViolationException(field, "must be between " + TimeEntry.FIRST_DAY + " and "
					+ TimeEntry.LAST_DAY);
		}
	}

	private TimeEntry moneyEntry(EntryDraft d, SaveFacts facts) {
		if (d.date() == null) {
			throw new RuleViolationException("date", "is required");
		}
		checkDatable(d.date(), "date");
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
		if (d.vendorId() != null && !store.vendorExists(d.vendorId())) {
			throw new RuleViolationException("vendorId", "no such vendor");
		}
		if (d.employeeId() != null && !store.userExists(d.employeeId())) {
			throw new RuleViolationException("employeeId", "no such user");
		}
		boolean fixedCost = d.type() == EntryType.FIXED_COST;
		return new TimeEntry(null, d.type(), d.userId(), d.projectId(), fixedCost ? d.activityId() : null, d.date(),
				null, null, null, null, null, amount, billable(d.billable(), fixedCost ? facts.activityBillable() : null),
				d.notInvoiced(), trimToNull(d.description()),
				trimToNull(d.notes()), fixedCost ? d.vendorId() : null, fixedCost ? d.employeeId() : null, d.artworkId(),
				d.purchaseOrderId(), EntryStatus.OPEN, null, null, null, 0, List.of());
	}

	private static String trimToNull(String value) {
		return StringUtils.hasText(value) ? value.trim() : null;
	}
}
