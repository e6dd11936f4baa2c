package com.nexustime.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** Actuator is open only on a management port set apart from the application's; by default there is none. */
class ManagementRequestsTest {

	@Test
	void withoutAManagementPortNothingIsOpenByItsPort() {
		RequestMatcher open = ManagementRequests.onManagementPort(new MockEnvironment().withProperty("server.port", "8080"));
		assertThat(open.matches(on(8080))).isFalse();
		// MANAGEMENT_PORT unset resolves to an empty value
		RequestMatcher empty = ManagementRequests.onManagementPort(new MockEnvironment()
			.withProperty("server.port", "8080").withProperty("management.server.port", ""));
		assertThat(empty.matches(on(8080))).isFalse();
	}

	@Test
	void theManagementPortIsOpenAndTheApplicationPortIsNot() {
		RequestMatcher open = ManagementRequests.onManagementPort(new MockEnvironment()
			.withProperty("server.port", "8080").withProperty("management.server.port", "9090"));
		assertThat(open.matches(on(9090))).isTrue();
		assertThat(open.matches(on(8080))).isFalse();
	}

	@Test
	void aManagementPortEqualToTheApplicationPortOpensNothing() {
		RequestMatcher open = ManagementRequests.onManagementPort(new MockEnvironment()
			.withProperty("server.port", "8080").withProperty("management.server.port", "8080"));
		assertThat(open.matches(on(8080))).isFalse();
	}

	private static MockHttpServletRequest on(int port) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
		request.setLocalPort(port);
		return request;
	}
}
