package com.nexustime.tracking;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.nexustime.rules.Actor;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.security.Role;

/**
 * Who a person is to the owner of entries, as the week-locking rules see it ({@link Actor}): the one place
 * every surface that asks those rules works it out, so the API, the pages, the grid and the project's
 * timesheet list agree. An admin is ADMIN everywhere; the owner counts as OWNER only while they book time
 * (staff or manager role); a manager counts as MANAGER for their own reports. Anyone else has no relation and
 * may change nothing of the owner's (auditors read, they do not book).
 */
@Component
public class EntryActors {

	private final JdbcClient jdbc;

	EntryActors(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** How {@code person} relates to {@code ownerId}; empty for no relation. */
	public Optional<Actor> of(CurrentUser person, long ownerId) {
		if (person.isAdmin() || person.id() == ownerId || !person.has(Role.MANAGER)) {
			return of(person, ownerId, null);
		}
		Long ownersManager = jdbc.sql("select manager_id from app_user where id = ?").param(ownerId)
			.query(Long.class).optional().orElse(null);
		return of(person, ownerId, ownersManager);
	}

	/** As {@link #of(CurrentUser, long)}, for a caller that already read the owner's manager (may be null). */
	public static Optional<Actor> of(CurrentUser person, long ownerId, Long ownersManager) {
		if (person.isAdmin()) {
			return Optional.of(Actor.ADMIN);
		}
		if (person.id() == ownerId) {
			return person.has(Role.STAFF) || person.has(Role.MANAGER) ? Optional.of(Actor.OWNER) : Optional.empty();
		}
		if (person.has(Role.MANAGER) && person.id().equals(ownersManager)) {
			return Optional.of(Actor.MANAGER);
		}
		return Optional.empty();
	}
}
