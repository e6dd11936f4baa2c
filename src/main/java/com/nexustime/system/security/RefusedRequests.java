package com.nexustime.system.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Requests refused to everyone, whatever their role. A feature that serves a path the application's own rules do
 * not guard (the workflow module's engine API: {@code workflow/EngineApiRequests}) declares a bean of this type;
 * the security configuration denies every request any of them refuses, before it looks at roles. The feature
 * depends on {@code system} for this, never the other way round.
 */
public interface RefusedRequests {

	/** True for a request nobody may make. */
	boolean isRefused(HttpServletRequest request);
}
