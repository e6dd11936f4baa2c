package com.nexustime.people;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import com.nexustime.approval.ApprovalFixture;
import com.nexustime.support.Api;
import com.nexustime.support.FormSession;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Self-service passwords: changing my own (the current one required, other sessions end), a forgotten one by a
 * mailed single-use link that expires, and an admin's invitation to set a first one.
 */
class AccountsTest extends IntegrationTest {

	private static final Pattern LINK = Pattern.compile("https?://\\S+/password/reset\\?token=[A-Za-z0-9_-]+");

	@Test
	void changingMyPasswordNeedsTheCurrentOneAndEndsMyOtherSessions() {
		TestUsers.TestUser me = TestUsers.create(jdbc, "STAFF");
		FormSession otherSession = FormSession.signIn(port, me.email(), TestUsers.PASSWORD);
		assertThat(otherSession.get("/me/password").status()).isEqualTo(200);
		FormSession thisSession = FormSession.signIn(port, me.email(), TestUsers.PASSWORD);

		// a token alone cannot replace the password, neither here nor through the user resource
		String token = me.client(api).post("/api/v1/me/tokens", Map.of("name", "script")).json().get("token").asText();
		Api.Client byToken = api.bearer(token);
		Api.Response wrong = byToken.post("/api/v1/me/password",
				Map.of("currentPassword", "not-my-password", "newPassword", "brand-new-secret"));
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.contentType()).contains("problem+json");
		assertThat(wrong.json().get("errors").get(0).get("field").asText()).isEqualTo("currentPassword");
		Api.Response patched = byToken.patch("/api/v1/users/" + me.id(), Map.of("password", "brand-new-secret"));
		assertThat(patched.status()).isEqualTo(422);
		assertThat(patched.json().get("errors").get(0).get("field").asText()).isEqualTo("password");
		Api.Response tooShort = me.client(api).post("/api/v1/me/password",
				Map.of("currentPassword", TestUsers.PASSWORD, "newPassword", "short"));
		assertThat(tooShort.status()).isEqualTo(422);
		assertThat(tooShort.json().get("errors").get(0).get("field").asText()).isEqualTo("newPassword");

		// on the page: a wrong current password is refused beside its field
		thisSession.get("/me/password");
		var refused = thisSession.post("/me/password", Map.of("currentPassword", "nope-nope",
				"newPassword", "brand-new-secret", "confirmPassword", "brand-new-secret"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("This is not your current password", "id=\"currentPassword-error\"");

		var changed = thisSession.post("/me/password", Map.of("currentPassword", TestUsers.PASSWORD,
				"newPassword", "brand-new-secret", "confirmPassword", "brand-new-secret"));
		assertThat(changed.status()).isEqualTo(302);
		assertThat(thisSession.follow(changed).body()).contains("Your password is changed");

		assertThat(api.basic(me.email(), TestUsers.PASSWORD).get("/api/v1/me").status()).isEqualTo(401);
		assertThat(api.basic(me.email(), "brand-new-secret").get("/api/v1/me").status()).isEqualTo(200);
		var ended = otherSession.get("/me/password");
		assertThat(ended.status()).isEqualTo(302);
		assertThat(ended.location()).contains("/login?expired");
		assertThat(otherSession.get("/me/password").location()).contains("/login");
		assertThat(thisSession.get("/me/password").status()).as("the session that changed it stays").isEqualTo(200);

		String audit = admin().get("/api/v1/audit?entityType=User&entityId=" + me.id()).body();
		assertThat(audit).contains("CHANGE_PASSWORD").doesNotContain("brand-new-secret").doesNotContain("{bcrypt}");
	}

	@Test
	void aForgottenPasswordIsResetOnceByAMailedLinkThatExpires() {
		TestUsers.TestUser me = TestUsers.create(jdbc, "STAFF");
		Api.Response known = api.anonymous().post("/api/v1/password-resets", Map.of("email", me.email().toUpperCase()));
		Api.Response unknown = api.anonymous().post("/api/v1/password-resets",
				Map.of("email", "nobody-" + UUID.randomUUID() + "@test.local"));
		assertThat(known.status()).isEqualTo(202);
		assertThat(unknown.status()).isEqualTo(202);
		assertThat(known.body()).isEqualTo(unknown.body());

		// the page answers the same words for both (a reset mail at most every five minutes: time passes first)
		olderLinks(me.id());
		FormSession anonymous = FormSession.anonymous(port);
		anonymous.get("/password/forgot");
		String forKnown = anonymous.post("/password/forgot", Map.of("email", me.email())).body();
		String forUnknown = anonymous.post("/password/forgot", Map.of("email", "nobody@test.local")).body();
		assertThat(forKnown).contains("If an account has the address");
		assertThat(forKnown.replace(me.email(), "X").replaceAll("[A-Za-z0-9_-]{40,}", "csrf"))
			.isEqualTo(forUnknown.replace("nobody@test.local", "X").replaceAll("[A-Za-z0-9_-]{40,}", "csrf"));

		// the outbox holds no link, only its reference; the table holds no token, only its hash
		assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = ? and body like '%token=%'")
			.param(me.email()).query(Long.class).single()).isZero();
		List<String> links = links(me.email());
		assertThat(links).hasSize(2);
		String link = links.get(0);
		String token = link.substring(link.indexOf("token=") + 6);
		assertThat(jdbc.sql("select count(*) from password_link where token_hash = ?").param(token)
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from password_link where token_hash = ?").param(PasswordLinks.hash(token))
			.query(Long.class).single()).isEqualTo(1);
		var replaced = anonymous.get(pathOf(links.get(1)));
		assertThat(replaced.status()).as("a newer link replaces the older").isEqualTo(410);
		assertThat(replaced.body()).contains("This link was replaced by a newer one").doesNotContain("already used");

		FormSession browser = FormSession.anonymous(port);
		var page = browser.get(pathOf(link));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Choose a new password", me.email());
		var mismatch = browser.post("/password/reset", Map.of("token", token, "newPassword", "reset-secret-1",
				"confirmPassword", "reset-secret-2"));
		assertThat(mismatch.status()).isEqualTo(422);
		assertThat(mismatch.body()).contains("The two passwords differ");
		var set = browser.post("/password/reset", Map.of("token", token, "newPassword", "reset-secret-1",
				"confirmPassword", "reset-secret-1"));
		assertThat(set.status()).isEqualTo(302);
		assertThat(set.location()).contains("/login?passwordSet");
		assertThat(api.basic(me.email(), "reset-secret-1").get("/api/v1/me").status()).isEqualTo(200);
		assertThat(api.basic(me.email(), TestUsers.PASSWORD).get("/api/v1/me").status()).isEqualTo(401);

		var again = browser.get(pathOf(link));
		assertThat(again.status()).isEqualTo(410);
		assertThat(again.body()).contains("This link was already used");
		var reused = browser.post("/password/reset", Map.of("token", token, "newPassword", "another-secret-9",
				"confirmPassword", "another-secret-9"));
		assertThat(reused.status()).isEqualTo(410);
		assertThat(api.basic(me.email(), "another-secret-9").get("/api/v1/me").status()).isEqualTo(401);

		// an expired link changes nothing
		olderLinks(me.id());
		api.anonymous().post("/api/v1/password-resets", Map.of("email", me.email()));
		String late = links(me.email()).get(0);
		jdbc.sql("update password_link set expires_at = now() - interval '1 minute' where user_id = ? and used_at is null")
			.param(me.id()).update();
		assertThat(browser.get(pathOf(late)).body()).contains("This link has expired");
		String lateToken = late.substring(late.indexOf("token=") + 6);
		assertThat(browser.post("/password/reset", Map.of("token", lateToken, "newPassword", "too-late-secret",
				"confirmPassword", "too-late-secret")).status()).isEqualTo(410);
		assertThat(browser.get("/password/reset?token=made-up").status()).isEqualTo(404);

		String audit = admin().get("/api/v1/audit?entityType=User&entityId=" + me.id()).body();
		assertThat(audit).contains("REQUEST_PASSWORD_RESET", "RESET_PASSWORD").doesNotContain(token)
			.doesNotContain("reset-secret-1");
	}

	@Test
	void anAdminInvitesANewPersonWhoSetsTheirOwnPassword() {
		String email = "invited-" + UUID.randomUUID().toString().substring(0, 8) + "@test.local";
		Api.Response withPassword = admin().post("/api/v1/users", Map.of("email", email, "name", "Invited Person",
				"password", "typed-by-admin", "roles", List.of("STAFF"), "invite", true));
		assertThat(withPassword.status()).isEqualTo(422);
		Api.Response created = admin().post("/api/v1/users", Map.of("email", email, "name", "Invited Person",
				"roles", List.of("STAFF"), "invite", true));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(admin().post("/api/v1/users", Map.of("email", "x" + email, "name", "No password",
				"roles", List.of("STAFF"))).status()).isEqualTo(422);

		List<String> first = links(email);
		assertThat(first).hasSize(1);
		assertThat(jdbc.sql("select expires_at - created_at > interval '6 days' from password_link where user_id = ?")
			.param(id).query(Boolean.class).single()).isTrue();

		// resend: the earlier link stops working
		assertThat(admin().post("/api/v1/users/" + id + "/invitation", Map.of()).status()).isEqualTo(202);
		assertThat(TestUsers.create(jdbc, "STAFF").client(api).post("/api/v1/users/" + id + "/invitation", Map.of())
			.status()).isEqualTo(403);
		String link = links(email).get(0);
		FormSession browser = FormSession.anonymous(port);
		assertThat(browser.get(pathOf(first.get(0))).status()).isEqualTo(410);
		var page = browser.get(pathOf(link));
		assertThat(page.body()).contains("Choose your password", email);
		String token = link.substring(link.indexOf("token=") + 6);
		var set = browser.post("/password/reset", Map.of("token", token, "newPassword", "my-own-secret",
				"confirmPassword", "my-own-secret"));
		assertThat(set.status()).isEqualTo(302);
		JsonNode me = api.basic(email, "my-own-secret").get("/api/v1/me").json();
		assertThat(me.get("id").asLong()).isEqualTo(id);
		FormSession.signIn(port, email, "my-own-secret");
		assertThat(browser.get(pathOf(link)).status()).isEqualTo(410);

		String audit = admin().get("/api/v1/audit?entityType=User&entityId=" + id).body();
		assertThat(audit).contains("INVITE", "ACCEPT_INVITATION").doesNotContain(token);
	}

	@Test
	void theInvitationIsOfferedOnThePeoplePages() {
		FormSession browser = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		assertThat(browser.get("/users/new").body()).contains("Send an invitation instead of a password");
		String email = "paged-" + UUID.randomUUID().toString().substring(0, 8) + "@test.local";
		var saved = browser.post("/users", Map.of("email", email, "name", "Paged Invite", "password", "",
				"invite", "true", "_invite", "on", "roles", "STAFF", "_roles", "on", "managerId", ""));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(browser.follow(saved).body()).contains("mailed them an invitation");
		long id = jdbc.sql("select id from app_user where email = ?").param(email).query(Long.class).single();
		assertThat(browser.get("/users/" + id + "/edit").body()).contains("Send an invitation");
		var resent = browser.post("/users/" + id + "/invitation", Map.of());
		assertThat(resent.status()).isEqualTo(302);
		assertThat(browser.follow(resent).body()).contains("Mailed Paged Invite a link");
		assertThat(jdbc.sql("select count(*) from password_link where user_id = ? and purpose = 'INVITE'").param(id)
			.query(Long.class).single()).isEqualTo(2);
		assertThat(FormSession.anonymous(port).get("/login").body()).contains("Forgot your password?");
	}

	/** The password links mailed to {@code email} that the outbox delivers now, newest first. */
	/** As if the person's links were made six minutes earlier, so that a new reset mail may go out. */
	private void olderLinks(long userId) {
		jdbc.sql("""
				update password_link set created_at = created_at - interval '6 minutes',
				       used_at = used_at - interval '6 minutes', expires_at = expires_at - interval '6 minutes'
				where user_id = ?""").param(userId).update();
	}

	private List<String> links(String email) {
		List<MimeMessage> mails = ApprovalFixture.deliverOutbox(context, email);
		List<String> found = new java.util.ArrayList<>(mails.stream().map(AccountsTest::text).map(LINK::matcher)
			.filter(Matcher::find).map(Matcher::group).toList());
		java.util.Collections.reverse(found);
		return found;
	}

	private static String pathOf(String link) {
		URI uri = URI.create(link);
		return uri.getRawPath() + "?" + uri.getRawQuery();
	}

	private static String text(MimeMessage message) {
		try {
			return String.valueOf(message.getContent());
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}
}
