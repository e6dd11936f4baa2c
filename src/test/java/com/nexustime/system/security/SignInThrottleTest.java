package com.nexustime.system.security;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 40 wrong passwords, then the right one: refused with 429 and Retry-After, on the login form and on HTTP Basic,
 * and the failures are counted in the shared store, not in this node's memory.
 */
class SignInThrottleTest extends IntegrationTest {

	@Autowired
	SignInThrottle throttle;

	@Test
	void basicIsThrottledAfterTenWrongPasswordsAndRefusesTheRightOneToo() {
		TestUsers.TestUser user = TestUsers.create(jdbc, "STAFF");
		int unauthorized = 0;
		int throttled = 0;
		for (int i = 0; i < 40; i++) {
			int status = api.basic(user.email(), "wrong-password-" + i).get("/api/v1/me").status();
			unauthorized += status == 401 ? 1 : 0;
			throttled += status == 429 ? 1 : 0;
		}
		Api.Response right = user.client(api).get("/api/v1/me");
		System.out.println("Basic: 40 wrong -> " + unauthorized + " x 401, " + throttled + " x 429; then the right one: "
				+ right.status() + " " + right.body());
		assertThat(unauthorized).isEqualTo(10);
		assertThat(throttled).isEqualTo(30);
		assertThat(right.status()).isEqualTo(429);
		assertThat(right.contentType()).contains("problem+json");
		assertThat(right.json().get("status").asInt()).isEqualTo(429);
		// another account from the same address is not held up by this one
		TestUsers.TestUser other = TestUsers.create(jdbc, "STAFF");
		assertThat(other.client(api).get("/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void theLoginFormShowsTheWaitAndKeepsTheEmail() {
		TestUsers.TestUser user = TestUsers.create(jdbc, "STAFF");
		BrowserSession browser = new BrowserSession(port);
		for (int i = 0; i < 40; i++) {
			browser.signIn(user.email(), "wrong-password-" + i);
		}
		HttpResponse<String> right = browser.signIn(user.email(), TestUsers.PASSWORD);
		System.out.println("form: after 40 wrong, the right password answers " + right.statusCode() + ", Retry-After "
				+ right.headers().firstValue("Retry-After").orElse("none"));
		assertThat(right.statusCode()).isEqualTo(429);
		assertThat(Long.parseLong(right.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 30L);
		assertThat(right.body()).contains("Too many failed sign-ins").contains(user.email())
			.doesNotContain(TestUsers.PASSWORD);
		// the block is in the database, where every node reads it
		assertThat(jdbc.sql("select count(*) from sign_in_block where blocked_until > now()").query(Long.class)
			.single()).isPositive();
	}

	@Test
	void oneAddressSprayingManyAccountsIsBlockedByItsAddress() {
		String address = "203.0.113." + (int) (Math.random() * 250);
		// the test profile raises the address limit for the suite's own 127.0.0.1; here it is 1000 as well, so
		// spend it on made-up accounts from an address of this test's own
		for (int i = 0; i < 1000; i++) {
			throttle.failed("sprayed-" + i + "@example.com", address);
		}
		assertThat(throttle.waitFor("someone-else@example.com", address)).isPresent();
		assertThat(throttle.waitFor("someone-else@example.com", "198.51.100.7")).isEmpty();
	}
}
