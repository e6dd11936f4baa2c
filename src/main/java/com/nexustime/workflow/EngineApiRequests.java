package com.nexustime.workflow;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import com.nexustime.system.security.RefusedRequests;

/**
 * The second line behind the engine's authorization: which engine API requests Spring Security lets through at
 * all. Reads (GET) and the queries Cockpit sends as POST pass, and so does {@code POST deployment/create} for
 * Camunda Modeler; every other write — completing, claiming or assigning tasks, changing variables, starting or
 * modifying instances, correlating messages and signals, executing jobs or setting retries, deleting — is
 * refused, on {@code /engine-rest} and on Cockpit's copy of it under {@code /camunda/api/engine}. Those go
 * through the application's pages and {@code /api/v1}, which apply the business rules. The security
 * configuration denies what this refuses, to everyone, as one of its {@link RefusedRequests}.
 */
@Component
public class EngineApiRequests implements RefusedRequests {

	/** {@code /engine-rest[/engine/{name}]/...} and {@code /camunda/api/engine/engine/{name}/...}. */
	private static final Pattern ENGINE_API = Pattern
		.compile("^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)(/.*)?$");

	/** Collections whose POST is a query (the filter in the body), optionally {@code /count}. */
	private static final Set<String> QUERIES = Set.of("process-instance", "execution", "task", "variable-instance",
			"job", "job-definition", "incident", "external-task", "process-definition", "deployment",
			"history/process-instance", "history/activity-instance", "history/task", "history/variable-instance",
			"history/detail", "history/incident", "history/job-log", "history/external-task-log",
			"history/user-operation");

	private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

	/** True for a request to the engine API, or Cockpit's administration API, that changes something refused. */
	@Override
	public boolean isRefused(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String method = request.getMethod();
		if (path.startsWith("/camunda/api/admin/")) {
			// Cockpit reads who is signed in and may log out; the admin app's writes are not for anyone here
			return !READS.contains(method) && !path.matches("^/camunda/api/admin/auth/user/[^/]+/logout/?$");
		}
		Matcher engine = ENGINE_API.matcher(path);
		if (!engine.matches() || READS.contains(method)) {
			return false;
		}
		String rest = engine.group(1) == null ? "" : engine.group(1).replaceAll("^/+|/+$", "");
		if ("POST".equals(method)) {
			if (rest.equals("deployment/create")) {
				return false;
			}
			String collection = rest.endsWith("/count") ? rest.substring(0, rest.length() - "/count".length()) : rest;
			return !QUERIES.contains(collection);
		}
		return true;
	}
}
