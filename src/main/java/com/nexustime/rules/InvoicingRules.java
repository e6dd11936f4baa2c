package com.nexustime.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Asks the rules which entries may be invoiced ({@code rules/invoicing.drl}). The one place that the range
 * invoice, the invoice from a client approval, what a client approval sends and the project's Time tab consult,
 * so what is counted as "to bill" is what gets billed.
 *
 * <p>Ask once per batch: every candidate goes into one session. The rules belong to the rule group
 * {@value #RULE_GROUP}, focused here, and report through the global {@code invoiceRefusals}
 * ({@link InvoiceRefusals}).
 */
@Component
public class InvoicingRules {

	static final String RULE_GROUP = "invoicing";

	private final RuleBook rules;

	public InvoicingRules(RuleBook rules) {
		this.rules = rules;
	}

	/**
	 * The candidates the rules refuse, by entry id, each with its reason (several joined by "; ", the most
	 * fundamental first), in the order of {@code candidates}. Candidates not in the map may be invoiced.
	 */
	public Map<Long, String> refusals(Collection<InvoiceCandidate> candidates) {
		return refusals(candidates, false);
	}

	private Map<Long, String> refusals(Collection<InvoiceCandidate> candidates, boolean signedByTheHour) {
		if (candidates.isEmpty()) {
			return Map.of();
		}
		InvoiceRefusals refusals = rules.evaluate(session -> {
			InvoiceRefusals collected = new InvoiceRefusals();
			session.setGlobal("invoiceRefusals", collected);
			if (signedByTheHour) {
				session.insert(new SignedByTheHour());
			}
			candidates.forEach(session::insert);
			session.getAgenda().getAgendaGroup(RULE_GROUP).setFocus();
			session.fireAllRules();
			return collected;
		});
		Map<Long, String> refused = new LinkedHashMap<>();
		for (InvoiceCandidate candidate : candidates) {
			List<String> reasons = refusals.of(candidate.entryId());
			if (!reasons.isEmpty()) {
				refused.putIfAbsent(candidate.entryId(), String.join("; ", reasons));
			}
		}
		return refused;
	}

	/** The ids of the entries among {@code candidates} that may be invoiced. */
	public Set<Long> invoiceable(Collection<InvoiceCandidate> candidates) {
		Map<Long, String> refused = refusals(candidates);
		return candidates.stream().map(InvoiceCandidate::entryId).filter(id -> !refused.containsKey(id))
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	/**
	 * The items whose entry may be invoiced, in their order: each item is mapped to its candidate with
	 * {@code asCandidate}, and all are asked in one session.
	 */
	public <T> List<T> keepInvoiceable(List<T> items, Function<T, InvoiceCandidate> asCandidate) {
		return keep(items, asCandidate, false);
	}

	/**
	 * The items whose entry a client approval may send for the client to sign by the hour: the invoiceable ones
	 * the rules do not keep out of an hourly signature (with {@link SignedByTheHour} in the session).
	 */
	public <T> List<T> keepSignableByTheHour(List<T> items, Function<T, InvoiceCandidate> asCandidate) {
		return keep(items, asCandidate, true);
	}

	private <T> List<T> keep(List<T> items, Function<T, InvoiceCandidate> asCandidate, boolean signedByTheHour) {
		List<InvoiceCandidate> candidates = items.stream().map(asCandidate).toList();
		Map<Long, String> refused = refusals(candidates, signedByTheHour);
		Set<Long> accepted = candidates.stream().map(InvoiceCandidate::entryId).filter(id -> !refused.containsKey(id))
			.collect(Collectors.toCollection(LinkedHashSet::new));
		List<T> kept = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			if (accepted.contains(candidates.get(i).entryId())) {
				kept.add(items.get(i));
			}
		}
		return kept;
	}
}
