package com.nexustime.tracking;

import java.util.List;

import org.springframework.stereotype.Component;

import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.security.Role;
import com.nexustime.system.web.NotFoundException;

/**
 * Which entries a person may read: admins and auditors all, a manager their reports', everyone their own. An
 * entry someone may not read does not exist for them (404).
 */
@Component
class VisibleEntries {

	private final TimeEntries entries;

	private final TimeEntryStore store;

	VisibleEntries(TimeEntries entries, TimeEntryStore store) {
		this.entries = entries;
		this.store = store;
	}

	TimeEntry get(CurrentUser actor, long id) {
		TimeEntry entry = entries.find(id).orElseThrow(() -> new NotFoundException("Time entry", id));
		boolean mayRead = actor.isAdmin() || actor.has(Role.AUDITOR) || entry.userId().equals(actor.id())
				|| (actor.has(Role.MANAGER) && store.isManagerOf(actor.id(), entry.userId()));
		if (!mayRead) {
			throw new NotFoundException("Time entry", id);
		}
		return entry;
	}

	List<TimeEntry> list(CurrentUser actor, TimeEntries.Filter filter, int limit) {
		List<Long> visibleUsers = actor.isAdmin() || actor.has(Role.AUDITOR) ? null : store.selfAndReports(actor.id());
		return entries.find(new TimeEntries.Filter(filter.userId(), filter.projectId(), filter.contactId(),
				filter.from(), filter.to(), filter.type(), visibleUsers), limit);
	}
}
