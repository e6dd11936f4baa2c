package com.nexustime.system.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * A request signed in by a personal access token rather than by a password. Some things need the password itself
 * (making more tokens): they ask {@link #isToken(Authentication)}.
 */
public final class TokenSignIn extends UsernamePasswordAuthenticationToken {

	private static final long serialVersionUID = 1L;

	TokenSignIn(CurrentUser user) {
		super(user, null, user.getAuthorities());
	}

	public static boolean isToken(Authentication authentication) {
		return authentication instanceof TokenSignIn;
	}
}
