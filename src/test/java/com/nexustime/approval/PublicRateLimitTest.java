package com.nexustime.approval;

import java.util.UUID;

import jakarta.servlet.FilterChain;
import org.apache.catalina.filters.RemoteIpFilter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.nexustime.support.IntegrationTest;
import com.nexustime.system.security.SharedBuckets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public-page limit counts per client address as the trusted-proxy rules resolve it (Tomcat's remote-IP
 * handling, here its filter form with 127.0.0.1 as the trusted proxy, as the valve is configured in production),
 * in buckets kept in the database: two instances of the filter (two nodes) share one count.
 */
class PublicRateLimitTest extends IntegrationTest {

	@Autowired
	SharedBuckets buckets;

	private int call(PublicRateLimit limit, String peer, String forwardedFor) throws Exception {
		RemoteIpFilter valve = new RemoteIpFilter();
		valve.setInternalProxies("127\\.0\\.0\\.1");
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/public/approvals/x");
		request.setRemoteAddr(peer);
		if (forwardedFor != null) {
			request.addHeader("X-Forwarded-For", forwardedFor);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		FilterChain limited = (req, res) -> limit.doFilter(req, res, new MockFilterChain());
		valve.doFilter(request, response, limited);
		return response.getStatus();
	}

	@Test
	void clientsBehindATrustedProxyHaveBucketsOfTheirOwnSharedByEveryNode() throws Exception {
		String name = "test-" + UUID.randomUUID();
		PublicRateLimit nodeA = new PublicRateLimit(name, 2, buckets);
		PublicRateLimit nodeB = new PublicRateLimit(name, 2, buckets);
		assertThat(call(nodeA, "127.0.0.1", "203.0.113.1")).isEqualTo(200);
		assertThat(call(nodeB, "127.0.0.1", "203.0.113.1")).isEqualTo(200);
		int third = call(nodeA, "127.0.0.1", "203.0.113.1");
		int other = call(nodeB, "127.0.0.1", "203.0.113.2");
		System.out.println("trusted proxy: client 1's third request (across two nodes) " + third
				+ ", client 2's first " + other);
		assertThat(third).as("two nodes count against one limit").isEqualTo(429);
		assertThat(other).as("another forwarded client has its own bucket").isEqualTo(200);
	}

	@Test
	void anUntrustedPeerCannotPickItsBucketWithAHeader() throws Exception {
		PublicRateLimit limit = new PublicRateLimit("test-" + UUID.randomUUID(), 2, buckets);
		assertThat(call(limit, "198.51.100.9", "203.0.113.10")).isEqualTo(200);
		assertThat(call(limit, "198.51.100.9", "203.0.113.11")).isEqualTo(200);
		int third = call(limit, "198.51.100.9", "203.0.113.12");
		System.out.println("untrusted peer with a new X-Forwarded-For each time: third request " + third);
		assertThat(third).isEqualTo(429);
	}

	@Test
	void theRefusalSaysWhenToComeBack() throws Exception {
		PublicRateLimit limit = new PublicRateLimit("test-" + UUID.randomUUID(), 1, buckets);
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/public/approvals/x");
		request.setRemoteAddr("192.0.2.1");
		limit.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
		MockHttpServletResponse refused = new MockHttpServletResponse();
		limit.doFilter(request, refused, new MockFilterChain());
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 61L);
	}

}
