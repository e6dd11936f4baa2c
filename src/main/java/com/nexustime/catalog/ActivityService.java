package com.nexustime.catalog;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.audit.AuditLog;
import com.nexustime.system.web.ConflictException;
import com.nexustime.system.web.NotFoundException;

/** The activity catalog; names are unique per corporation (ignoring case). Every change is audited. */
@Service
@Transactional(readOnly = true)
public class ActivityService {

	private final ActivityRepository activities;

	private final AuditLog audit;

	ActivityService(ActivityRepository activities, AuditLog audit) {
		this.activities = activities;
		this.audit = audit;
	}

	public List<Activity> list() {
		return activities.findAllByOrderByNameAscIdAsc();
	}

	public Activity get(Long id) {
		return activities.findById(id).orElseThrow(() -> new NotFoundException("Activity", id));
	}

	@Transactional
	public Activity create(ActivityForm form) {
		Activity activity = Activity.create(form);
		Activity saved = save(activity, null);
		audit.record("CREATE", "Activity", saved.id(), null, saved);
		return saved;
	}

	@Transactional
	public Activity change(Long id, ActivityChanges changes) {
		Activity before = get(id);
		Activity after = save(before.apply(changes), id);
		audit.record("UPDATE", "Activity", id, before, after);
		return after;
	}

	private Activity save(Activity activity, Long exceptId) {
		String conflict = activity.corporation() == null
				? "An activity named '" + activity.name() + "' already exists"
				: "An activity named '" + activity.name() + "' already exists for " + activity.corporation();
		if (activities.nameTaken(activity.name(), activity.corporation(), exceptId)) {
			throw new ConflictException(conflict);
		}
		return UniqueValues.save(activities, activity, conflict);
	}
}
