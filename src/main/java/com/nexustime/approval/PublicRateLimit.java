package com.nexustime.approval;

import java.io.IOException;
import java.time.Duration;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import com.nexustime.system.security.SharedBuckets;

/**
 * Limits requests to the public pages per client address, so a link cannot be brute-forced or its page hammered.
 * The address is the peer's, or behind a trusted proxy ({@code NEXUS_TRUSTED_PROXIES}) the client address the proxy
 * forwarded, as Tomcat's remote-IP valve resolved it; an {@code X-Forwarded-For} from any other peer counts for
 * nothing. The count is a token bucket (the limit per minute, refilled whole each minute) kept in PostgreSQL through
 * {@link SharedBuckets}, so every app node counts against the same limit.
 */
class PublicRateLimit extends OncePerRequestFilter {

	private final String name;

	private final SharedBuckets buckets;

	private final BucketConfiguration limit;

	/** {@code name} keeps the buckets of one limit apart from another's (public pages, password pages). */
	PublicRateLimit(String name, int perMinute, SharedBuckets buckets) {
		this.name = name;
		this.buckets = buckets;
		this.limit = BucketConfiguration.builder()
			.addLimit(l -> l.capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1)))
			.build();
	}

	/** Counts this request from {@code client}; the probe says whether it fits and, if not, how long to wait. */
	ConsumptionProbe take(String client) {
		return buckets.take("public:" + name + ":" + client, limit);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// the peer (behind a trusted proxy, the client it forwarded), never a header a client sets itself
		ConsumptionProbe probe = take(request.getRemoteAddr());
		if (probe.isConsumed()) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(429);
		response.setHeader("Retry-After",
				Long.toString(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1)));
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.setContentType("application/problem+json");
			response.getWriter().write("""
					{"type":"about:blank","title":"Too many requests","status":429,\
					"detail":"Too many requests from this address: please wait a minute and try again."}""");
			return;
		}
		response.setContentType("text/html;charset=UTF-8");
		response.getWriter().write("""
				<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1"><title>Too many requests</title></head>
				<body style="font-family:sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem">
				<h1>Too many requests</h1><p>Please wait a minute and try again.</p></body></html>""");
	}
}
