package com.nexustime.notify;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationApiTest extends IntegrationTest {

	@Autowired
	Notifications notifications;

	@Test
	void theRecipientSeesAndReadsTheirNotificationsOnly() {
		var alice = TestUsers.create(jdbc, "STAFF");
		var bob = TestUsers.create(jdbc, "STAFF");
		notifications.notify(alice.id(), "TEST", "first", "/time");
		Notification second = notifications.notify(alice.id(), "TEST", "second", null);

		var inbox = alice.client(api).get("/api/v1/me/notifications").json();
		assertThat(inbox.get("unread").asLong()).isEqualTo(2);
		assertThat(inbox.get("notifications").get(0).get("message").asText()).isEqualTo("second");
		assertThat(inbox.get("notifications").get(1).get("link").asText()).isEqualTo("/time");
		assertThat(bob.client(api).get("/api/v1/me/notifications").json().get("unread").asLong()).isZero();

		assertThat(bob.client(api).post("/api/v1/me/notifications/" + second.id() + "/read", null).status())
			.isEqualTo(404);
		var read = alice.client(api).post("/api/v1/me/notifications/" + second.id() + "/read", null);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("readAt").isTextual()).isTrue();
		assertThat(alice.client(api).get("/api/v1/me/notifications").json().get("unread").asLong()).isEqualTo(1);
		assertThat(alice.client(api).post("/api/v1/me/notifications/999999999/read", null).status()).isEqualTo(404);
		assertThat(api.anonymous().get("/api/v1/me/notifications").status()).isEqualTo(401);
	}
}
