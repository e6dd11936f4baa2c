package com.nexustime.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the invoicing rules' refusals during one evaluation: the session's global {@code invoiceRefusals}
 * (named apart from the availability rules' {@code refusals}: a global's name and type hold for the whole rule
 * base), on which a rule calls {@link #refuse}. Reasons keep the order the rules fired in (by salience).
 */
public final class InvoiceRefusals {

	private final Map<Long, List<String>> reasons = new HashMap<>();

	/** Called by a rule: {@code entry} may not be invoiced, for {@code reason} (phrased for the user). */
	public void refuse(InvoiceCandidate entry, String reason) {
		List<String> list = reasons.computeIfAbsent(entry.entryId(), id -> new ArrayList<>());
		if (!list.contains(reason)) {
			list.add(reason);
		}
	}

	List<String> of(long entryId) {
		return reasons.getOrDefault(entryId, List.of());
	}
}
