package com.nexustime.people;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.security.UserAccounts;

/**
 * After a password change in a signed-in session, that session takes the new password's hash and a new id, so
 * it stays signed in while the security layer's session check ends the others.
 */
@Component
class SignedInSessions {

	private final UserAccounts accounts;

	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	SignedInSessions(UserAccounts accounts) {
		this.accounts = accounts;
	}

	void keepThisOne(long userId, HttpServletRequest request, HttpServletResponse response) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (request.getSession(false) == null || current == null || !(current.getPrincipal() instanceof CurrentUser)) {
			return;
		}
		CurrentUser fresh = accounts.byId(userId).orElseThrow();
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
		SecurityContextHolder.setContext(context);
		repository.saveContext(context, request, response);
	}
}
