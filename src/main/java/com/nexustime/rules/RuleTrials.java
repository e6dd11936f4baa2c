package com.nexustime.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Sample questions for every rule file, asked of new rules before a reload takes them: each kind of project
 * against each category of activity, every lock question the application can ask, a rate look-up with a
 * candidate of every scope, PO readings below, at and over the line, and every kind of entry to invoice. A rule
 * that compiles but throws on one of them (a consequence dividing by zero, a substring past the end) fails here
 * instead of on a person's save, and the previous rules stay in effect.
 */
@Component
class RuleTrials implements Runnable {

	private static final List<String> PROJECT_TYPES = List.of("STANDARD", "PER_PIECE", "ELECTRONIC");

	private static final List<String> PROJECT_STATUSES = List.of("ACTIVE", "ARTWORK_COMPLETE", "OBSOLETE", "CLOSED");

	private static final List<String> CATEGORIES = List.of("DESIGN_CREATIVE", "MANAGEMENT", "PER_PIECE", "FIXED_COST",
			"BUDGET");

	private static final List<String> ENTRY_TYPES = List.of("ACTIVITY", "FIXED_COST", "ADJUSTMENT");

	private static final List<String> ENTRY_STATUSES = List.of("OPEN", "IN_PROCESS", "FINALIZED", "BILLED");

	private static final List<String> WEEK_STATES = List.of("OPEN", "SUBMITTED", "APPROVED", "REJECTED");

	private final ActivityRules activities;

	private final WeekLockRules locks;

	private final RateRules rates;

	private final PoAlertRules purchaseOrders;

	private final InvoicingRules invoicing;

	private final ArtworkPricingRules artworkPricing;

	RuleTrials(ActivityRules activities, WeekLockRules locks, RateRules rates, PoAlertRules purchaseOrders,
			InvoicingRules invoicing, ArtworkPricingRules artworkPricing) {
		this.activities = activities;
		this.locks = locks;
		this.rates = rates;
		this.purchaseOrders = purchaseOrders;
		this.invoicing = invoicing;
		this.artworkPricing = artworkPricing;
	}

	@Override
	public void run() {
		List<ProjectFacts> projects = new ArrayList<>();
		List<ActivityOption> options = new ArrayList<>();
		// negative ids: no sample names a real project, activity or entry, so a rule written for real data is
		// tried only by questions it cannot mistake for them
		long id = -1_000_000;
		for (String type : PROJECT_TYPES) {
			for (String status : PROJECT_STATUSES) {
				projects.add(new ProjectFacts(id++, type, status, id % 2 == 0 ? "Acme" : null));
			}
		}
		for (String category : CATEGORIES) {
			options.add(new ActivityOption(id++, category, null, true));
			options.add(new ActivityOption(id++, category, "Acme", false));
		}
		activities.projectRefusals(projects);
		for (ProjectFacts project : projects) {
			activities.refusals(project, options);
		}

		for (Actor actor : Actor.values()) {
			for (String type : ENTRY_TYPES) {
				for (String status : ENTRY_STATUSES) {
					for (String week : WEEK_STATES) {
						locks.decide(new LockQuestion(actor, type, status, week, null, null));
						locks.decide(new LockQuestion(actor, type, status, week, "SENT", null));
						locks.decide(new LockQuestion(actor, type, status, week, null, "APPROVED"));
					}
				}
			}
		}

		LocalDate today = LocalDate.of(2026, 6, 15);
		rates.resolve(new RateQuestion(-1, -2, -3L, today, new BigDecimal("100.00")), List.of(
				new RateCandidate(-1L, "WORKSPACE", null, null, null, new BigDecimal("90.00"), today.minusYears(1)),
				new RateCandidate(-2L, "WORKSPACE", null, null, -3L, new BigDecimal("95.00"), today.plusDays(1)),
				new RateCandidate(-3L, "USER", -1L, null, null, new BigDecimal("110.00"), today.minusMonths(1)),
				new RateCandidate(-4L, "USER", -9L, null, -3L, new BigDecimal("120.00"), today.minusMonths(1)),
				new RateCandidate(-5L, "PROJECT", null, -2L, -3L, new BigDecimal("130.00"), today.minusDays(1)),
				new RateCandidate(-6L, "PROJECT", null, -8L, null, new BigDecimal("140.00"), today)));
		rates.resolve(new RateQuestion(-1, -2, null, today, BigDecimal.ZERO), List.of());

		BigDecimal threshold = new BigDecimal("95.00");
		List<PoReading> readings = List.of(
				new PoReading(-1, "PO-1", "Phase 1", new BigDecimal("1000.00"), BigDecimal.ZERO, new BigDecimal("10.00"),
						threshold),
				new PoReading(-2, "PO-2", null, new BigDecimal("1000.00"), new BigDecimal("90.00"),
						new BigDecimal("95.00"), threshold),
				new PoReading(-3, "PO-3", "Phase 2", BigDecimal.ZERO, new BigDecimal("120.00"), new BigDecimal("150.00"),
						threshold));
		purchaseOrders.crossings(readings);
		purchaseOrders.overThreshold(readings);

		List<InvoiceCandidate> candidates = new ArrayList<>();
		for (ProjectFacts project : projects) {
			for (String type : ENTRY_TYPES) {
				boolean activity = "ACTIVITY".equals(type);
				for (String category : activity ? CATEGORIES : List.<String>of()) {
					candidates.add(new InvoiceCandidate(id++, type, project.id(), project.status(), id, "Sample",
							category, id % 2 == 0, id % 3 == 0));
				}
				if (!activity) {
					candidates.add(new InvoiceCandidate(id++, type, project.id(), project.status(), null, null, null,
							true, false));
				}
			}
		}
		invoicing.refusals(candidates);

		List<ArtworkPriceCandidate> prices = List.of(
				new ArtworkPriceCandidate(-1L, "WORKSPACE", null, "TIER", "Simple", new BigDecimal("100.00"),
						today.minusYears(1)),
				new ArtworkPriceCandidate(-2L, "WORKSPACE", null, "TIER", "Complex", new BigDecimal("300.00"),
						today.minusYears(1)),
				new ArtworkPriceCandidate(-3L, "WORKSPACE", null, "ALTERATION", null, new BigDecimal("40.00"),
						today.minusYears(1)),
				new ArtworkPriceCandidate(-4L, "CLIENT", -5L, "TIER", "Complex", new BigDecimal("280.00"),
						today.minusMonths(1)),
				new ArtworkPriceCandidate(-5L, "CLIENT", -6L, "ALTERATION", null, new BigDecimal("35.00"), today),
				new ArtworkPriceCandidate(-6L, "CLIENT", -5L, "TIER", "Complex", new BigDecimal("320.00"),
						today.plusDays(1)));
		for (String tier : java.util.Arrays.asList("Simple", "complex ", "Unknown", null)) {
			for (int alterations : new int[] { 0, 2 }) {
				artworkPricing.price(new ArtworkPriceQuestion(-1, -5, tier, alterations, today), prices).price();
				artworkPricing.price(new ArtworkPriceQuestion(-1, -7, tier, alterations, today), prices).price();
			}
		}
		artworkPricing.price(new ArtworkPriceQuestion(-1, -5, "Simple", 1, today), List.of()).price();
	}
}
