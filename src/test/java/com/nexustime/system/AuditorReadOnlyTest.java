package com.nexustime.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.nexustime.support.FormSession;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;
import com.nexustime.support.TestUsers.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Auditors change nothing: every write endpoint the application maps, found at run time so that a new one is
 * covered without editing this test, refuses an auditor with 403 — over the API and from the pages' forms.
 */
class AuditorReadOnlyTest extends IntegrationTest {

	private static final Set<RequestMethod> WRITES = Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH,
			RequestMethod.DELETE);

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyApiWriteEndpointAnswers403ToAnAuditor() {
		TestUser auditor = TestUsers.create(jdbc, "AUDITOR");
		List<String[]> endpoints = writeEndpoints(path -> path.startsWith("/api/v1/") && !ownAccount(path));
		assertThat(endpoints).as("the sweep found the API's write endpoints").hasSizeGreaterThan(30);
		List<String> answeredOtherwise = new ArrayList<>();
		for (String[] endpoint : endpoints) {
			var response = auditor.client(api).send(endpoint[0], endpoint[1], "DELETE".equals(endpoint[0]) ? null : "{}");
			if (response.status() != 403) {
				answeredOtherwise.add(endpoint[0] + " " + endpoint[1] + " -> " + response.status());
			}
			else {
				assertThat(response.contentType()).startsWith("application/problem+json");
			}
		}
		assertThat(answeredOtherwise).as("write endpoints that did not refuse the auditor").isEmpty();
	}

	@Test
	void everyPageFormRefusesAnAuditor() {
		TestUser auditor = TestUsers.create(jdbc, "AUDITOR");
		FormSession browser = FormSession.signIn(port, auditor.email(), TestUsers.PASSWORD);
		browser.get("/audit"); // a page of theirs, for a valid CSRF token
		List<String[]> forms = writeEndpoints(path -> !path.startsWith("/api/") && !path.startsWith("/public/")
				&& !ownAccount(path) && !path.equals("/login") && !path.equals("/logout") && !path.equals("/error"));
		assertThat(forms).as("the sweep found the pages' form endpoints").hasSizeGreaterThan(10);
		List<String> answeredOtherwise = new ArrayList<>();
		for (String[] form : forms) {
			var page = browser.post(form[1], Map.of());
			if (page.status() != 403) {
				answeredOtherwise.add(form[0] + " " + form[1] + " -> " + page.status());
			}
		}
		assertThat(answeredOtherwise).as("form endpoints that did not refuse the auditor").isEmpty();
	}

	@Test
	void anAuditorStillReadsAndManagesTheirOwnTokens() {
		TestUser auditor = TestUsers.create(jdbc, "AUDITOR");
		assertThat(auditor.client(api).get("/api/v1/audit").status()).isEqualTo(200);
		var token = auditor.client(api).post("/api/v1/me/tokens", Map.of("name", "audit laptop"));
		assertThat(token.status()).as(token.toString()).isEqualTo(201);
		assertThat(api.anonymous().post("/api/v1/contacts", Map.of()).status()).isEqualTo(401);
	}

	@Test
	void anAuditorWhoIsAlsoStaffKeepsTheStaffWrites() {
		TestUser both = TestUsers.create(jdbc, "AUDITOR", "STAFF");
		var response = both.client(api).post("/api/v1/timesheets/2001-01-01/recall", Map.of());
		assertThat(response.status()).as(response.toString()).isNotEqualTo(403);
	}

	/** Every POST, PUT, PATCH and DELETE mapping whose path passes the filter, path variables filled with 1. */
	private List<String[]> writeEndpoints(java.util.function.Predicate<String> paths) {
		Set<String> seen = new TreeSet<>();
		List<String[]> endpoints = new ArrayList<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				String path = pattern.replaceAll("\\{[^}]+}", "1");
				if (!paths.test(path)) {
					continue;
				}
				for (RequestMethod method : methods.isEmpty() ? WRITES : methods) {
					if (WRITES.contains(method) && seen.add(method + " " + path)) {
						endpoints.add(new String[] { method.name(), path });
					}
				}
			}
		}
		return endpoints;
	}

	/** The caller's own account, and the anonymous forgotten-password pages (they act only through a mailed link). */
	private static boolean ownAccount(String path) {
		return path.startsWith("/me/") || path.startsWith("/api/v1/me/") || path.startsWith("/password/")
				|| path.equals("/api/v1/password-resets");
	}
}
