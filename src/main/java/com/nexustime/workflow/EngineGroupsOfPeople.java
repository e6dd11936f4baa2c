package com.nexustime.workflow;

import java.util.List;

import org.springframework.stereotype.Component;

import com.nexustime.system.security.CockpitIdentities;
import com.nexustime.system.security.CurrentUser;

/** {@link EngineGroups} as the security configuration's Cockpit sign-in asks for it. */
@Component
class EngineGroupsOfPeople implements CockpitIdentities {

	@Override
	public String engineUserId(CurrentUser user) {
		return EngineGroups.userId(user);
	}

	@Override
	public List<String> groups(CurrentUser user) {
		return EngineGroups.of(user);
	}

	@Override
	public List<String> managedGroups() {
		return List.of(EngineGroups.ADMINS, EngineGroups.PROCESS_OWNERS);
	}
}
