package com.nexustime.people;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.audit.AuditLog;
import com.nexustime.notify.Mailer;
import com.nexustime.notify.SecretLinks;
import com.nexustime.system.security.AccessTokens;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.web.NotFoundException;
import com.nexustime.system.web.RuleViolationException;

/**
 * A person's own password: changing it (the current one required), resetting a forgotten one by a mailed link,
 * and setting a first one from an invitation. Changing the password changes its stored hash, which ends the
 * person's other sessions (the security layer's SignedInSessionCheck). Every step is audited without the password, its
 * hash or the link.
 */
@Service
public class Accounts {

	/** The same bounds as a new user's initial password. */
	static final int SHORTEST = 8;

	static final int LONGEST = 200;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final PasswordLinks links;

	private final Mailer mailer;

	private final AuditLog audit;

	private final AccessTokens tokens;

	private final Clock clock;

	Accounts(JdbcClient jdbc, PasswordEncoder passwords, PasswordLinks links, Mailer mailer, AuditLog audit,
			AccessTokens tokens) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.links = links;
		this.mailer = mailer;
		this.audit = audit;
		this.tokens = tokens;
		this.clock = Clock.systemUTC();
	}

	private record Person(long id, String email, String name, String passwordHash, boolean active) {
	}

	/** 422 naming {@code field} unless the password is within the bounds every password keeps. */
	static void requireAcceptable(String field, String password) {
		if (password == null || password.isBlank()) {
			throw new RuleViolationException(field, "Enter a password of " + SHORTEST + " to " + LONGEST + " characters.");
		}
		if (password.length() < SHORTEST || password.length() > LONGEST) {
			throw new RuleViolationException(field, "The password must be between " + SHORTEST + " and " + LONGEST
					+ " characters.");
		}
	}

	/**
	 * Changes the caller's password: 422 on {@code currentPassword} when it is not their password, on
	 * {@code newPassword} when it is out of bounds. Their tokens' cached identity is forgotten; sessions that
	 * still hold the old hash end on their next request.
	 */
	@Transactional
	public void changeOwn(CurrentUser caller, String currentPassword, String newPassword) {
		Person person = person(caller.id()).orElseThrow(() -> new NotFoundException("User", caller.id()));
		if (currentPassword == null || currentPassword.length() > LONGEST
				|| !passwords.matches(currentPassword, person.passwordHash())) {
			throw new RuleViolationException("currentPassword", "This is not your current password.");
		}
		requireAcceptable("newPassword", newPassword);
		setPassword(person.id(), newPassword);
		audit.record("CHANGE_PASSWORD", UserService.ENTITY, person.id(), null, Map.of("email", person.email()));
	}

	/**
	 * Mails a reset link (valid one hour, once) when an active person has this email and was not sent one in the
	 * last five minutes; does nothing otherwise.
	 * The caller answers the same either way, so the answer tells nobody whether an account exists.
	 */
	@Transactional
	public void forgotten(String email) {
		if (email == null || email.isBlank() || email.length() > 254) {
			return;
		}
		Optional<Person> found = jdbc.sql("""
				select id, email, name, password_hash, active from app_user where lower(email) = lower(?)""")
			.param(email.trim()).query(Person.class).optional().filter(Person::active);
		if (found.isEmpty()) {
			return;
		}
		Person person = found.get();
		Instant now = clock.instant();
		// one mail per person per few minutes, however often it is asked for: the person's row is locked so that
		// two requests at once cannot both pass; the caller answers the same either way
		jdbc.sql("select id from app_user where id = ? for update").param(person.id()).query(Long.class).single();
		if (links.resetSentRecently(person.id(), now)) {
			return;
		}
		String reference = links.issue(person.id(), PasswordLinks.Purpose.RESET, now);
		mailer.queueWithSecretLink(person.email(), "Reset your Nexus Time password", """
				Hello %s,

				Someone (we hope you) asked to reset the password of your Nexus Time account.
				Choose a new password here within the next hour (the link works once):

				%s

				If you did not ask for this, ignore this mail: your password stays as it is.
				""".formatted(person.name(), SecretLinks.MARKER), null, null, null, reference);
		audit.recordAs("anonymous", "REQUEST_PASSWORD_RESET", UserService.ENTITY, person.id(), null,
				Map.of("email", person.email()));
	}

	/** Mails a person an invitation to set their own password (valid seven days, once); a resend replaces it. */
	@Transactional
	public void invite(long userId) {
		Person person = person(userId).orElseThrow(() -> new NotFoundException("User", userId));
		if (!person.active()) {
			throw new RuleViolationException("active", person.name() + " is inactive: activate them before inviting.");
		}
		String reference = links.issue(person.id(), PasswordLinks.Purpose.INVITE, clock.instant());
		mailer.queueWithSecretLink(person.email(), "You are invited to Nexus Time", """
				Hello %s,

				An administrator added you to Nexus Time. Choose your password here to sign in
				(the link works once, for seven days):

				%s

				Your sign-in name is this email address.
				""".formatted(person.name(), SecretLinks.MARKER), null, null, null, reference);
		audit.record("INVITE", UserService.ENTITY, person.id(), null, Map.of("email", person.email()));
	}

	/** What a link is for and whom it names, to show its page; refused when it cannot be used. */
	@Transactional(readOnly = true)
	public LinkPage open(String token) {
		try {
			PasswordLinks.Usable link = links.peek(token, clock.instant());
			Person person = person(link.userId()).orElseThrow();
			return new LinkPage(true, link.purpose() == PasswordLinks.Purpose.INVITE, person.email(), null);
		}
		catch (PasswordLinks.LinkRefused refused) {
			return new LinkPage(false, false, null, refused.refusal().name());
		}
	}

	/** A link's page: usable or not (then why: UNKNOWN, USED, REPLACED or EXPIRED), for an invitation or a reset. */
	public record LinkPage(boolean usable, boolean invitation, String email, String refusal) {
	}

	/**
	 * Sets a new password through a link, which then stops working. {@link LinkUnusable} for an unknown, used or
	 * expired link (nothing changes); 422 on {@code newPassword} when it is out of bounds (the link stays usable).
	 */
	@Transactional(noRollbackFor = LinkUnusable.class)
	public void setWithLink(String token, String newPassword) {
		Instant now = clock.instant();
		PasswordLinks.Usable link;
		try {
			link = links.claim(token, now);
		}
		catch (PasswordLinks.LinkRefused refused) {
			throw new LinkUnusable(refused.refusal().name());
		}
		requireAcceptable("newPassword", newPassword);
		Person person = person(link.userId()).orElseThrow();
		if (!person.active()) {
			throw new LinkUnusable("UNKNOWN");
		}
		setPassword(person.id(), newPassword);
		links.markUsed(link.id(), now);
		boolean invitation = link.purpose() == PasswordLinks.Purpose.INVITE;
		audit.recordAs(person.email(), invitation ? "ACCEPT_INVITATION" : "RESET_PASSWORD",
				UserService.ENTITY, person.id(), null, Map.of("email", person.email()));
	}

	/** A link that cannot set a password; {@code reason} is UNKNOWN, USED, REPLACED or EXPIRED. */
	public static final class LinkUnusable extends RuntimeException {

		private final String reason;

		LinkUnusable(String reason) {
			super("this link cannot be used: " + reason.toLowerCase());
			this.reason = reason;
		}

		public String reason() {
			return reason;
		}
	}

	private void setPassword(long userId, String password) {
		jdbc.sql("update app_user set password_hash = ?, version = version + 1 where id = ?")
			.params(passwords.encode(password), userId).update();
		tokens.forgetUser(userId);
	}

	private Optional<Person> person(long id) {
		return jdbc.sql("select id, email, name, password_hash, active from app_user where id = ?").param(id)
			.query(Person.class).optional();
	}
}
