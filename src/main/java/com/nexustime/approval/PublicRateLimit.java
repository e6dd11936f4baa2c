package com.nexustime.approval;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits requests to the public pages per client address with a sliding one-minute window, so a link cannot be
 * brute-forced or its page hammered. The window lives in this node's memory: with two app nodes each keeps its
 * own, so a client may get up to twice the limit across them.
 */
class PublicRateLimit extends OncePerRequestFilter {

	private static final long WINDOW_MILLIS = 60_000;

	private final int perMinute;

	private final LongSupplier clock;

	private final Map<String, Deque<Long>> windows = new ConcurrentHashMap<>();

	PublicRateLimit(int perMinute, LongSupplier clock) {
		this.perMinute = perMinute;
		this.clock = clock;
	}

	/** True when this request from {@code client} still fits in its window (and is counted). */
	boolean allow(String client) {
		long now = clock.getAsLong();
		if (windows.size() > 10_000) {
			forgetIdle(now);
		}
		Deque<Long> window = windows.computeIfAbsent(client, c -> new ArrayDeque<>());
		synchronized (window) {
			while (!window.isEmpty() && window.peekFirst() <= now - WINDOW_MILLIS) {
				window.pollFirst();
			}
			if (window.size() >= perMinute) {
				return false;
			}
			window.addLast(now);
			return true;
		}
	}

	private void forgetIdle(long now) {
		windows.entrySet().removeIf(e -> {
			synchronized (e.getValue()) {
				Long last = e.getValue().peekLast();
				return last == null || last <= now - WINDOW_MILLIS;
			}
		});
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// the peer (behind a trusted proxy, the client it forwarded), never a header a client sets itself
		if (allow(request.getRemoteAddr())) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(429);
		response.setHeader("Retry-After", "60");
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
