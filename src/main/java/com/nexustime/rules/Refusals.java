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

	private final Map<Long, List<String>> options = new HashMap<>();

	private final Map<Long, List<String>> projects = new HashMap<>();

	/** Called by a rule: {@code option} may not be booked, for {@code reason} (phrased for the user). */
	public void refuse(ActivityOption option, String reason) {
		add(options, option.id(), reason);
	}

	/** Called by a rule: no time at all may be booked on {@code project}, for {@code reason}. */
	public void refuse(ProjectFacts project, String reason) {
		add(projects, project.id(), reason);
	}

	private static void add(Map<Long, List<String>> reasons, long id, String reason) {
		List<String> list = reasons.computeIfAbsent(id, key -> new ArrayList<>());
		if (!list.contains(reason)) {
			list.add(reason);
		}
	}

	List<String> of(long activityId) {
		return options.getOrDefault(activityId, List.of());
	}

	List<String> ofProject(long projectId) {
		return projects.getOrDefault(projectId, List.of());
	}
}
