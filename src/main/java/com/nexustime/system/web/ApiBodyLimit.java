package com.nexustime.system.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an API request whose declared body is larger than {@link #MAX_BYTES} with 413 before anything reads
 * it, and stops reading a body of undeclared length (chunked) at the same size: the reader gets
 * {@link BodyTooLarge}, answered 413 too. The largest body the API takes is a bulk paste
 * ({@code BulkEntryImport.MAX_CHARS} characters), well under it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ApiBodyLimit extends OncePerRequestFilter {

	static final long MAX_BYTES = 1024 * 1024;

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(request.getContextPath() + ErrorPages.API_PREFIX);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > MAX_BYTES) {
			response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
			return;
		}
		chain.doFilter(request.getContentLengthLong() < 0 ? new BoundedBody(request) : request, response);
	}

	/** Thrown by the body's stream once more than {@link #MAX_BYTES} have been read. */
	static final class BodyTooLarge extends IOException {

		BodyTooLarge() {
			super("the request body is larger than " + MAX_BYTES + " bytes");
		}
	}

	/** A request whose body stream ends the read with {@link BodyTooLarge} after {@link #MAX_BYTES}. */
	private static final class BoundedBody extends HttpServletRequestWrapper {

		private ServletInputStream stream;

		private BufferedReader reader;

		BoundedBody(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new CountingStream(super.getInputStream());
			}
			return stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			if (reader == null) {
				String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
				reader = new BufferedReader(new InputStreamReader(getInputStream(), encoding));
			}
			return reader;
		}
	}

	private static final class CountingStream extends ServletInputStream {

		private final ServletInputStream body;

		private long read;

		CountingStream(ServletInputStream body) {
			this.body = body;
		}

		@Override
		public int read() throws IOException {
			int b = body.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = body.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws BodyTooLarge {
			read += n;
			if (read > MAX_BYTES) {
				throw new BodyTooLarge();
			}
		}

		@Override
		public boolean isFinished() {
			return body.isFinished();
		}

		@Override
		public boolean isReady() {
			return body.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			body.setReadListener(listener);
		}
	}
}
