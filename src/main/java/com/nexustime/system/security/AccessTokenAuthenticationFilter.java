package com.nexustime.system.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer nxt_…} personal access tokens. */
class AccessTokenAuthenticationFilter extends OncePerRequestFilter {

	private final AccessTokens tokens;

	private final UserAccounts accounts;

	private final AuthenticationEntryPoint entryPoint;

	AccessTokenAuthenticationFilter(AccessTokens tokens, UserAccounts accounts, AuthenticationEntryPoint entryPoint) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		CurrentUser user = tokens.principal(header.substring(7).trim(), accounts::byId)
			.filter(CurrentUser::isEnabled)
			.orElse(null);
		if (user == null) {
			SecurityContextHolder.clearContext();
			entryPoint.commence(request, response, new BadCredentialsException("invalid token"));
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new TokenSignIn(user));
		SecurityContextHolder.setContext(context);
		chain.doFilter(request, response);
	}
}
