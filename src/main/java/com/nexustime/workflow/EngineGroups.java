package com.nexustime.workflow;

import java.util.ArrayList;
import java.util.List;

import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.security.Role;

/**
 * Who a person is to the engine. Ids there may only hold letters and digits, so the app's user 7 is the
 * engine's {@code u7}; the app's own engine calls use plain ids, so nothing the engine grants an assignee ever
 * reaches a caller of the engine API. Admins and process owners get groups of their own, never
 * {@code camunda-admin} (which skips every authorization check).
 */
public final class EngineGroups {

	public static final String ADMINS = "nexusAdmins";

	public static final String PROCESS_OWNERS = "nexusProcessOwners";

	/** Camunda's built-in group that bypasses authorization; no person is put in it. */
	static final String CAMUNDA_ADMIN = "camunda-admin";

	/** The only member of {@link #CAMUNDA_ADMIN}: a placeholder no person maps to (person ids are u + digits). */
	static final String PLACEHOLDER_ADMIN = "nexusNoLogin";

	private EngineGroups() {
	}

	public static String userId(CurrentUser user) {
		return "u" + user.id();
	}

	/** The engine groups of a person; empty for anyone who may not use Cockpit or the engine API. */
	public static List<String> of(CurrentUser user) {
		List<String> groups = new ArrayList<>();
		if (user.has(Role.ADMIN)) {
			groups.add(ADMINS);
		}
		if (user.has(Role.PROCESS_OWNER)) {
			groups.add(PROCESS_OWNERS);
		}
		return groups;
	}
}
