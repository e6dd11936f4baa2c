package com.nexustime.system.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Hands the person Spring Security signed in to Cockpit, so that admins and process owners do not log in a
 * second time. Cockpit needs the person in the engine's identity store; ids there may only hold letters and
 * digits, so the app's user 7 is the engine's {@code u7}, created on first visit.
 */
public class CockpitAuthenticationProvider implements AuthenticationProvider {

	static final String ENGINE_ADMIN_GROUP = "camunda-admin";

	@Override
	public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser user)
				|| !(user.has(Role.ADMIN) || user.has(Role.PROCESS_OWNER))) {
			return AuthenticationResult.unsuccessful();
		}
		String engineUserId = engineUserId(user);
		ensureEngineUser(engine.getIdentityService(), engineUserId, user);
		AuthenticationResult result = AuthenticationResult.successful(engineUserId);
		result.setGroups(List.of(ENGINE_ADMIN_GROUP));
		result.setTenants(List.of());
		return result;
	}

	@Override
	public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
		// Spring Security has already challenged unauthenticated requests
	}

	static String engineUserId(CurrentUser user) {
		return "u" + user.id();
	}

	private static void ensureEngineUser(IdentityService identity, String id, CurrentUser user) {
		if (identity.createUserQuery().userId(id).memberOfGroup(ENGINE_ADMIN_GROUP).count() > 0) {
			return;
		}
		try {
			if (identity.createGroupQuery().groupId(ENGINE_ADMIN_GROUP).count() == 0) {
				Group group = identity.newGroup(ENGINE_ADMIN_GROUP);
				group.setName("Nexus Time admins and process owners");
				group.setType("SYSTEM");
				identity.saveGroup(group);
			}
			if (identity.createUserQuery().userId(id).count() == 0) {
				saveUser(identity, id, user);
			}
			identity.createMembership(id, ENGINE_ADMIN_GROUP);
		}
		catch (RuntimeException raced) {
			// a parallel request did the same first
			if (identity.createUserQuery().userId(id).memberOfGroup(ENGINE_ADMIN_GROUP).count() == 0) {
				throw raced;
			}
		}
	}

	private static void saveUser(IdentityService identity, String id, CurrentUser user) {
		User engineUser = identity.newUser(id);
		engineUser.setFirstName(user.name());
		engineUser.setLastName("");
		engineUser.setEmail(user.email());
		identity.saveUser(engineUser);
	}
}
