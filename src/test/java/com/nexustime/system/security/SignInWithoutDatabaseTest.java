package com.nexustime.system.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;

import static org.assertj.core.api.Assertions.assertThat;

/** Basic credentials that could not be checked because the database is gone answer 503, not 401. */
class SignInWithoutDatabaseTest {

	private final ProblemAuthenticationHandlers handlers = new ProblemAuthenticationHandlers(new ObjectMapper());

	@Test
	void credentialsThatCouldNotBeCheckedAnswer503() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		handlers.commence(new MockHttpServletRequest("GET", "/api/v1/approvals"), response,
				new InternalAuthenticationServiceException("lookup failed",
						new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection")));
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getHeader("Retry-After")).isEqualTo("5");
		assertThat(response.getHeader("WWW-Authenticate")).isNull();
		assertThat(response.getContentAsString()).contains("\"title\":\"Service unavailable\"");
	}

	@Test
	void wrongCredentialsStay401() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		handlers.commence(new MockHttpServletRequest("GET", "/api/v1/approvals"), response,
				new BadCredentialsException("Bad credentials"));
		assertThat(response.getStatus()).isEqualTo(401);
	}
}
