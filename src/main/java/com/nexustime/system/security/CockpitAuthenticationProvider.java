package com.nexustime.system.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Hands the person Spring Security signed in to Cockpit, so that admins and process owners do not log in a
 * second time. Cockpit needs the person in the engine's identity store ({@code u7} for the app's user 7, created
 * on first visit). Their engine groups are the workflow module's own ({@link CockpitIdentities}, looked up in the
 * application context: Camunda's filter creates this provider itself), whose authorizations let them read and
 * deploy; nobody is put in {@code camunda-admin}, which would skip every authorization check.
 */
public class CockpitAuthenticationProvider implements AuthenticationProvider {

	@Override
	public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser user)) {
			return AuthenticationResult.unsuccessful();
		}
		CockpitIdentities identities = WebApplicationContextUtils
			.getRequiredWebApplicationContext(request.getServletContext()).getBean(CockpitIdentities.class);
		List<String> groups = identities.groups(user);
		if (groups.isEmpty()) {
			return AuthenticationResult.unsuccessful();
		}
		String engineUserId = identities.engineUserId(user);
		ensureEngineUser(engine.getIdentityService(), engineUserId, user, groups, identities.managedGroups());
		AuthenticationResult result = AuthenticationResult.successful(engineUserId);
		result.setGroups(groups);
		result.setTenants(List.of());
		return result;
	}

	@Override
	public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
		// Spring Security has already challenged unauthenticated requests
	}

	/**
	 * The person in the engine's identity store, a member of exactly their engine groups: Camunda's webapp
	 * re-reads the groups from the store when it refreshes a session's authentication.
	 */
	private static void ensureEngineUser(IdentityService identity, String id, CurrentUser user, List<String> wanted,
			List<String> managed) {
		try {
			if (identity.createUserQuery().userId(id).count() == 0) {
				User engineUser = identity.newUser(id);
				engineUser.setFirstName(user.name());
				engineUser.setLastName("");
				engineUser.setEmail(user.email());
				identity.saveUser(engineUser);
			}
			for (String group : managed) {
				boolean member = identity.createUserQuery().userId(id).memberOfGroup(group).count() > 0;
				if (wanted.contains(group) && !member) {
					identity.createMembership(id, group);
				}
				else if (!wanted.contains(group) && member) {
					identity.deleteMembership(id, group);
				}
			}
		}
		catch (RuntimeException raced) {
			// a parallel request did the same first
			if (identity.createUserQuery().userId(id).count() == 0) {
				throw raced;
			}
		}
	}
}
