package com.nexustime.system.security;

import java.util.List;

/**
 * Who a signed-in person is to the process engine's webapp (Cockpit): their id in the engine's identity store and
 * the engine groups they belong to. The workflow module, which owns the engine, provides the one bean of this type
 * ({@code workflow/EngineGroupsOfPeople}); {@link CockpitAuthenticationProvider} asks it, so that {@code system}
 * does not depend on {@code workflow}.
 */
public interface CockpitIdentities {

	/** The person's id in the engine's identity store. */
	String engineUserId(CurrentUser user);

	/** The person's engine groups; empty for anyone who may not use Cockpit or the engine API. */
	List<String> groups(CurrentUser user);

	/** Every group this mapping hands out: a person is put in the ones {@link #groups} names and out of the rest. */
	List<String> managedGroups();
}
