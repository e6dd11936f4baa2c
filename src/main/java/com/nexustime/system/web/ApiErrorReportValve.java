package com.nexustime.system.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.Container;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat refuses some addresses itself, before the application sees them ({@code %00} in a path): its own
 * error report answers them. Under {@code /api/} that report is problem+json too, like every other API error.
 */
public class ApiErrorReportValve extends ErrorReportValve {

	public ApiErrorReportValve() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		String uri = request.getRequestURI();
		int status = response.getStatus();
		if (uri == null || !uri.startsWith(ErrorPages.API_PREFIX) || status < 400 || response.isCommitted()
				|| response.getContentWritten() > 0) {
			super.report(request, response, throwable);
			return;
		}
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write("{\"type\":\"about:blank\",\"title\":\"" + (status < 500 ? "Bad request" : "Internal error")
						+ "\",\"status\":" + status + ",\"detail\":\"The server refused the request before reading it"
						+ " (for example a path with an encoded control character).\"}");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client has gone: nothing left to answer
		}
	}

	/** Installs the valve as the host's error report. */
	@Component
	static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers(context -> {
				Container parent = context.getParent();
				if (parent instanceof StandardHost host) {
					host.setErrorReportValveClass(ApiErrorReportValve.class.getName());
				}
			});
		}
	}
}
