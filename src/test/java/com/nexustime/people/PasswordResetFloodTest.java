package com.nexustime.people;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.Filter;

import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.nexustime.support.Api;
import com.nexustime.support.FormSession;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asking again and again for a reset link mails one link per person per five minutes and answers the same every
 * time; the anonymous password paths sit behind the per-address limit of the public pages.
 */
class PasswordResetFloodTest extends IntegrationTest {

	@Test
	void fortyRequestsMailOneLinkAndAnswerTheSameEachTime() {
		TestUsers.TestUser me = TestUsers.create(jdbc, "STAFF");
		String first = null;
		for (int i = 0; i < 20; i++) {
			Api.Response answer = api.anonymous().post("/api/v1/password-resets", Map.of("email", me.email()));
			assertThat(answer.status()).isEqualTo(202);
			if (first == null) {
				first = answer.body();
			}
			assertThat(answer.body()).as("the same answer, so nothing leaks").isEqualTo(first);
		}
		FormSession anonymous = FormSession.anonymous(port);
		anonymous.get("/password/forgot");
		for (int i = 0; i < 20; i++) {
			var page = anonymous.post("/password/forgot", Map.of("email", me.email()));
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.body()).contains("If an account has the address");
		}
		assertThat(resetMails(me.email())).as("one mail for forty requests").isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from password_link where user_id = ? and used_at is null")
			.param(me.id()).query(Long.class).single()).as("the mailed link still works").isEqualTo(1);

		// five minutes on, a new request mails a new link, which replaces the first
		jdbc.sql("""
				update password_link set created_at = created_at - interval '6 minutes',
				       expires_at = expires_at - interval '6 minutes' where user_id = ?""").param(me.id()).update();
		assertThat(api.anonymous().post("/api/v1/password-resets", Map.of("email", me.email())).body())
			.isEqualTo(first);
		assertThat(resetMails(me.email())).isEqualTo(2);
	}

	@Test
	void aRequestForSomeoneElseDoesNotHoldBackMine() {
		TestUsers.TestUser me = TestUsers.create(jdbc, "STAFF");
		TestUsers.TestUser other = TestUsers.create(jdbc, "STAFF");
		api.anonymous().post("/api/v1/password-resets", Map.of("email", other.email()));
		api.anonymous().post("/api/v1/password-resets", Map.of("email", me.email()));
		assertThat(resetMails(me.email())).isEqualTo(1);
		assertThat(resetMails(other.email())).isEqualTo(1);
	}

	@Test
	void theAnonymousPasswordPathsAreLimitedPerAddress() throws Exception {
		FilterRegistrationBean<?> registration = context.getBean("passwordRateLimit", FilterRegistrationBean.class);
		assertThat(registration.getUrlPatterns())
			.contains("/password/forgot", "/password/reset", "/api/v1/password-resets");
		Filter limit = registration.getFilter();
		String address = "198.51.100." + (UUID.randomUUID().hashCode() & 0xff);
		int allowed = 0;
		MockHttpServletResponse last = null;
		for (int i = 0; i < 2000 && (last == null || last.getStatus() != 429); i++) {
			MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/password-resets");
			request.setRemoteAddr(address);
			last = new MockHttpServletResponse();
			MockFilterChain chain = new MockFilterChain();
			limit.doFilter(request, last, chain);
			if (chain.getRequest() != null) {
				allowed++;
			}
		}
		assertThat(last.getStatus()).isEqualTo(429);
		assertThat(allowed).as("the configured requests per minute").isEqualTo(
				context.getEnvironment().getProperty("nexus.public.rate-limit-per-minute", Integer.class, 60));
		assertThat(last.getContentType()).startsWith("application/problem+json");
		assertThat(last.getContentAsString()).contains("\"status\":429");

		MockHttpServletRequest page = new MockHttpServletRequest("POST", "/password/forgot");
		page.setRemoteAddr(address);
		MockHttpServletResponse pageAnswer = new MockHttpServletResponse();
		limit.doFilter(page, pageAnswer, new MockFilterChain());
		assertThat(pageAnswer.getStatus()).isEqualTo(429);
		assertThat(pageAnswer.getContentAsString()).contains("Too many requests");
	}

	private long resetMails(String email) {
		return jdbc.sql("select count(*) from mail_outbox where recipient = ? and subject = 'Reset your Nexus Time password'")
			.param(email).query(Long.class).single();
	}
}
