package com.nexustime.system.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.core.env.Environment;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who reaches Actuator (docs/operations.md). The probes answer anyone, with a status and no details. The rest
 * (health details, Prometheus, metrics, info) is for admins on the main port; on a management port of its own
 * ({@code MANAGEMENT_PORT}) it is open, because that port is meant to be reachable only from the operator's
 * network. Endpoints that would show configuration or memory are not exposed at all.
 */
final class ManagementRequests {

	/** Liveness and readiness, under Actuator and as /livez and /readyz on the main port. */
	static final RequestMatcher PROBES = new OrRequestMatcher(new AntPathRequestMatcher("/livez"),
			new AntPathRequestMatcher("/readyz"), new AntPathRequestMatcher("/actuator/health"),
			new AntPathRequestMatcher("/actuator/health/liveness"), new AntPathRequestMatcher("/actuator/health/readiness"));

	/** Every exposed Actuator endpoint, wherever it is served. */
	static final RequestMatcher ACTUATOR = EndpointRequest.toAnyEndpoint();

	private ManagementRequests() {
	}

	/** Requests that arrive on a management port set apart from the application's port. */
	static RequestMatcher onManagementPort(Environment environment) {
		Integer management = environment.getProperty("management.server.port", Integer.class);
		Integer server = environment.getProperty("server.port", Integer.class, 8080);
		if (management == null || management <= 0 || management.equals(server)) {
			return request -> false;
		}
		return (HttpServletRequest request) -> request.getLocalPort() == management;
	}
}
