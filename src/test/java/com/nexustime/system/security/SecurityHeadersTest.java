package com.nexustime.system.security;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Content-Security-Policy on the app's pages, no Referer from pages whose path is a secret, HSTS behind TLS. */
class SecurityHeadersTest extends IntegrationTest {

	private HttpResponse<String> get(String path, String... headers) {
		BrowserSession browser = new BrowserSession(port);
		HttpRequest.Builder request = browser.get(path);
		if (headers.length > 0) {
			request.headers(headers);
		}
		return browser.send(request);
	}

	@Test
	void pagesForbidInlineScriptAndSecretLinksSendNoReferer() {
		HttpResponse<String> login = get("/login");
		String csp = login.headers().firstValue("Content-Security-Policy").orElse("");
		System.out.println("/login CSP: " + csp + " | Referrer-Policy: "
				+ login.headers().firstValue("Referrer-Policy").orElse("none"));
		assertThat(csp).contains("script-src 'self';").contains("object-src 'none'").doesNotContain("unsafe-eval");
		assertThat(login.headers().firstValue("Referrer-Policy")).contains("same-origin");

		HttpResponse<String> link = get("/public/approvals/not-a-real-link");
		System.out.println("/public/** Referrer-Policy: " + link.headers().firstValue("Referrer-Policy").orElse("none"));
		assertThat(link.headers().firstValue("Referrer-Policy")).contains("no-referrer");
		assertThat(get("/password/reset?token=x").headers().firstValue("Referrer-Policy")).contains("no-referrer");
	}

	@Test
	void noTemplateCarriesAnInlineScriptOrHandler() throws Exception {
		try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/resources/templates"))) {
			for (var file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				String html = java.nio.file.Files.readString(file);
				assertThat(html).as(file.toString()).doesNotContainPattern("<script(?![^>]*src=)[^>]*>")
					.doesNotContainPattern("\\son[a-z]+=\"");
			}
		}
	}

	@Test
	void hstsOnlyWhenTheRequestCameOverTls() {
		assertThat(get("/login").headers().firstValue("Strict-Transport-Security")).isEmpty();
	}
}
