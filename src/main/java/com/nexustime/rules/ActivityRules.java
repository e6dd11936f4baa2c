package com.nexustime.rules;

import java.util.ArrayList;
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
	 * reasons joined by "; ", the most fundamental first; a refusal of the project itself comes first and
	 * refuses every candidate). Candidates not in the map are available. The map iterates in the order of
	 * {@code candidates}.
	 */
	public Map<Long, String> refusals(ProjectFacts project, Collection<ActivityOption> candidates) {
		Refusals refusals = evaluate(List.of(project), candidates);
		List<String> ofProject = refusals.ofProject(project.id());
		Map<Long, String> refused = new LinkedHashMap<>();
		for (ActivityOption candidate : candidates) {
			List<String> reasons = new ArrayList<>(ofProject);
			refusals.of(candidate.id()).stream().filter(r -> !reasons.contains(r)).forEach(reasons::add);
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

	/**
	 * The projects on which the rules refuse any time at all, by project id, each with its reason; the others
	 * take time (on the activities the rules offer there). One evaluation for all of them: the project pickers.
	 */
	public Map<Long, String> projectRefusals(Collection<ProjectFacts> projects) {
		Refusals refusals = evaluate(projects, List.of());
		Map<Long, String> refused = new LinkedHashMap<>();
		for (ProjectFacts project : projects) {
			List<String> reasons = refusals.ofProject(project.id());
			if (!reasons.isEmpty()) {
				refused.putIfAbsent(project.id(), String.join("; ", reasons));
			}
		}
		return refused;
	}

	/**
	 * One booking in one evaluation: why the project takes no time, and why {@code activity} (null for an entry
	 * without one, such as an adjustment) may not be booked on it; each null when the rules refuse nothing.
	 */
	public Booking booking(ProjectFacts project, ActivityOption activity) {
		Refusals refusals = evaluate(List.of(project), activity == null ? List.of() : List.of(activity));
		List<String> ofProject = refusals.ofProject(project.id());
		List<String> ofActivity = activity == null ? List.of() : refusals.of(activity.id());
		return new Booking(ofProject.isEmpty() ? null : String.join("; ", ofProject),
				ofActivity.isEmpty() ? null : String.join("; ", ofActivity));
	}

	/** The rules' answer about one booking: the refusal of the project, of the activity; null when none. */
	public record Booking(String projectRefusal, String activityRefusal) {
	}

	private Refusals evaluate(Collection<ProjectFacts> projects, Collection<ActivityOption> candidates) {
		return rules.evaluate(session -> {
			Refusals collected = new Refusals();
			session.setGlobal("refusals", collected);
			projects.forEach(session::insert);
			candidates.forEach(session::insert);
			session.getAgenda().getAgendaGroup(RULE_GROUP).setFocus();
			session.fireAllRules();
			return collected;
		});
	}
}
