package com.nexustime.rules;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Asks the rules which activities may be booked on a project ({@code rules/activity-availability.drl}).
 * The one place that the activity picker, time entries, the weekly grid and the timer consult, so they
 * always agree.
 *
 * <p>Typical use: map the project and its candidate activities to {@link ProjectFacts} and
 * {@link ActivityOption}, then call {@link #available} for what the picker offers, or {@link #refusal} to
 * validate one booking (a present refusal is a 422 naming {@code activityId}, with the reason as message).
 *
 * <p>The rules belong to the rule group {@value #RULE_GROUP} (a DRL {@code ruleflow-group}), which gets the
 * focus here, so rule files for other questions share the one KieBase without firing here. They report
 * through the global {@code refusals} ({@link Refusals}).
 */
@Component
public class ActivityRules {

	static final String RULE_GROUP = "activity-availability";

	private final RuleBook rules;

	public ActivityRules(RuleBook rules) {
		this.rules = rules;
	}

	/**
	 * The candidates the rules refuse on {@code project}, by activity id, each with its reason (several
	 * reasons joined by "; ", the most fundamental first). Candidates not in the map are available. The map
	 * iterates in the order of {@code candidates}.
	 */
	public Map<Long, String> refusals(ProjectFacts project, Collection<ActivityOption> candidates) {
		Refusals refusals = rules.evaluate(session -> {
			Refusals collected = new Refusals();
			session.setGlobal("refusals", collected);
			session.insert(project);
			candidates.forEach(session::insert);
			session.getAgenda().getAgendaGroup(RULE_GROUP).setFocus();
			session.fireAllRules();
			return collected;
		});
		Map<Long, String> refused = new LinkedHashMap<>();
		for (ActivityOption candidate : candidates) {
			List<String> reasons = refusals.of(candidate.id());
			if (!reasons.isEmpty()) {
				refused.putIfAbsent(candidate.id(), String.join("; ", reasons));
			}
		}
		return refused;
	}

	/** The ids of the candidates the rules make available on {@code project}, in the order given. */
	public List<Long> available(ProjectFacts project, Collection<ActivityOption> candidates) {
		Map<Long, String> refused = refusals(project, candidates);
		return candidates.stream().map(ActivityOption::id).filter(id -> !refused.containsKey(id)).distinct().toList();
	}

	/** Why {@code activity} may not be booked on {@code project}, or empty when it may. */
	public Optional<String> refusal(ProjectFacts project, ActivityOption activity) {
		return Optional.ofNullable(refusals(project, List.of(activity)).get(activity.id()));
	}
}
