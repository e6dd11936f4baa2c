package com.nexustime.web;

import org.junit.jupiter.api.Test;

import com.nexustime.support.FormSession;
import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Ids are opaque strings to a client: one that names nothing is 404, even when it is not a number. */
class UnknownIdsTest extends IntegrationTest {

	@Test
	void anApiIdThatNamesNothingIs404ProblemJson() {
		for (String path : new String[] { "/api/v1/projects/does-not-exist", "/api/v1/time-entries/does-not-exist",
				"/api/v1/contacts/does-not-exist", "/api/v1/invoices/does-not-exist",
				"/api/v1/projects/does-not-exist/activities" }) {
			var response = admin().get(path);
			assertThat(response.status()).as(path + " " + response).isEqualTo(404);
			assertThat(response.contentType()).as(path).startsWith("application/problem+json");
			assertThat(response.json().get("title").asText()).isEqualTo("Not found");
		}
		assertThat(admin().delete("/api/v1/time-entries/does-not-exist").status()).isEqualTo(404);
		assertThat(admin().patch("/api/v1/time-entries/does-not-exist", java.util.Map.of()).status()).isEqualTo(404);
	}

	@Test
	void aBlankApiIdIs404ProblemJsonToo() {
		for (String path : new String[] { "/api/v1/projects/%20", "/api/v1/time-entries/%20",
				"/api/v1/contacts/%20%20", "/api/v1/projects/%20/activities" }) {
			var response = admin().get(path);
			assertThat(response.status()).as(path + " " + response).isEqualTo(404);
			assertThat(response.contentType()).as(path).startsWith("application/problem+json");
			assertThat(response.json().get("title").asText()).isEqualTo("Not found");
			assertThat(response.body()).doesNotContain("Required path variable");
		}
		assertThat(admin().delete("/api/v1/time-entries/%20").status()).isEqualTo(404);
	}

	@Test
	void anUnreadableQueryParameterStays400NamingIt() {
		var response = admin().get("/api/v1/time-entries?projectId=abc");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("projectId");
	}

	@Test
	void aPageWhoseIdNamesNothingIsTheNotFoundPage() {
		FormSession browser = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		for (String path : new String[] { "/projects/abc", "/time/abc/edit" }) {
			var page = browser.get(path);
			assertThat(page.status()).as(path).isEqualTo(404);
			assertThat(page.body()).as(path).contains("Not found");
		}
	}
}
