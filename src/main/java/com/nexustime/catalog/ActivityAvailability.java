package com.nexustime.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.rules.ActivityOption;
import com.nexustime.rules.ActivityRules;
import com.nexustime.rules.ProjectFacts;

/** The activities a project offers, as the activity-availability rules decide; every picker asks here. */
@Service
public class ActivityAvailability {

	private final ProjectService projects;

	private final ActivityRepository activities;

	private final ActivityRules rules;

	ActivityAvailability(ProjectService projects, ActivityRepository activities, ActivityRules rules) {
		this.projects = projects;
		this.activities = activities;
		this.rules = rules;
	}

	/** The activities time may be booked on for this project, in name order; 404 for an unknown project. */
	@Transactional(readOnly = true)
	public List<Activity> on(long projectId) {
		Project project = projects.get(projectId);
		List<Activity> all = activities.findAllByOrderByNameAscIdAsc();
		Set<Long> available = new HashSet<>(
				rules.available(facts(project), all.stream().map(ActivityAvailability::option).toList()));
		return all.stream().filter(a -> available.contains(a.id())).toList();
	}

	static ProjectFacts facts(Project project) {
		return new ProjectFacts(project.id(), project.type().name(), project.status().name(), project.corporation());
	}

	static ActivityOption option(Activity activity) {
		return new ActivityOption(activity.id(), activity.category().name(), activity.corporation(),
				Boolean.TRUE.equals(activity.active()));
	}
}
