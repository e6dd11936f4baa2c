package com.nexustime.workflow;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.nexustime.system.security.CurrentUser;

/**
 * Makes the engine's authorization apply to the engine API and only there. A request to {@code /engine-rest}
 * runs with the person Spring Security authenticated as the engine's authenticated user (Cockpit's
 * {@code /camunda/api} gets the same from Camunda's webapp filter); every engine command on such a request is
 * checked against {@link EngineAuthorizations}. The application's own engine calls — services, delegates, the
 * job executor — are not checked by the engine: the application's services apply the business rules to them,
 * and some set an authenticated user only to record a process initiator.
 */
final class EngineApiCalls extends OncePerRequestFilter {

	private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

	private final IdentityService identity;

	EngineApiCalls(IdentityService identity) {
		this.identity = identity;
	}

	/** True while this thread serves a request to the engine API or Cockpit's API. */
	static boolean active() {
		return Boolean.TRUE.equals(ACTIVE.get());
	}

	/** Runs {@code call} as the engine API runs its commands: with the engine's authorization checked. */
	static <T> T asEngineApiCall(java.util.function.Supplier<T> call) {
		ACTIVE.set(true);
		try {
			return call.get();
		}
		finally {
			ACTIVE.remove();
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean engineRest = request.getRequestURI().substring(request.getContextPath().length())
			.startsWith("/engine-rest");
		ACTIVE.set(true);
		try {
			if (engineRest) {
				Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
				List<String> groups = authentication != null && authentication.getPrincipal() instanceof CurrentUser user
						? EngineGroups.of(user) : List.of();
				if (groups.isEmpty()) {
					// Spring Security refuses these first; never let one reach the engine unchecked
					response.setStatus(HttpStatus.FORBIDDEN.value());
					response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
					response.getWriter().write("{\"title\":\"Forbidden\",\"status\":403,"
							+ "\"detail\":\"the engine API is for admins and process owners\"}");
					return;
				}
				identity.setAuthentication(EngineGroups.userId((CurrentUser) authentication.getPrincipal()), groups);
			}
			chain.doFilter(request, response);
		}
		finally {
			if (engineRest) {
				identity.clearAuthentication();
			}
			ACTIVE.remove();
		}
	}

	/** Placed after the engine's command context: switches the authorization check off outside the engine API. */
	static CommandInterceptor checkOnlyEngineApiCalls() {
		return new CommandInterceptor() {

			@Override
			public <T> T execute(Command<T> command) {
				if (!active()) {
					Context.getCommandContext().disableAuthorizationCheck();
				}
				return next.execute(command);
			}
		};
	}
}
