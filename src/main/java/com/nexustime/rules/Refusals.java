package com.nexustime.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the availability rules' refusals during one evaluation: the session's global {@code refusals},
 * on which a rule calls {@link #refuse}. Reasons keep the order the rules fired in (by salience).
 */
public final class Refusals {

	private final Map<Long, List<String>> reasons = new HashMap<>();

	/** Called by a rule: {@code option} may not be booked, for {@code reason} (phrased for the user). */
	public void refuse(ActivityOption option, String reason) {
		List<String> list = reasons.computeIfAbsent(option.id(), id -> new ArrayList<>());
		if (!list.contains(reason)) {
			list.add(reason);
		}
	}

	List<String> of(long activityId) {
		return reasons.getOrDefault(activityId, List.of());
	}
}
