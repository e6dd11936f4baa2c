package com.nexustime.people;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.nexustime.notify.SecretLinks;
import com.nexustime.system.ServerKey;
import com.nexustime.system.web.PublicAddress;

/**
 * Links that set a password: a forgotten-password reset or an invitation. A link's token is the HMAC, under the
 * server key, of its id, its person and a random nonce; the table keeps the nonce and the token's SHA-256, never
 * the token. The mail in the outbox names the link ({@code password-link:id}); the outbox sender rebuilds the URL
 * only when it hands the mail to the SMTP server. A link works once and until it expires.
 */
@Component
class PasswordLinks implements SecretLinks {

	static final String KIND = "password-link";

	/** What a link is for, and how long it lives. */
	enum Purpose {
		RESET(Duration.ofHours(1)), INVITE(Duration.ofDays(7));

		final Duration lifetime;

		Purpose(Duration lifetime) {
			this.lifetime = lifetime;
		}
	}

	/** A link that may still be used. */
	record Usable(long id, long userId, Purpose purpose) {
	}

	/** Why a token opens nothing: no such link, already used, replaced by a newer link, or out of time. */
	enum Refusal {
		UNKNOWN, USED, REPLACED, EXPIRED
	}

	/** A person gets at most one reset mail in this time; a request within it changes nothing. */
	static final Duration RESET_SPACING = Duration.ofMinutes(5);

	static final class LinkRefused extends RuntimeException {

		private final Refusal refusal;

		LinkRefused(Refusal refusal) {
			super("password link refused: " + refusal);
			this.refusal = refusal;
		}

		Refusal refusal() {
			return refusal;
		}
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final ServerKey serverKey;

	private final PublicAddress publicAddress;

	PasswordLinks(JdbcClient jdbc, ServerKey serverKey, PublicAddress publicAddress) {
		this.jdbc = jdbc;
		this.serverKey = serverKey;
		this.publicAddress = publicAddress;
	}

	/**
	 * A fresh link for this person, in the caller's transaction; earlier unused links of the same purpose stop
	 * working, so only the newest mail counts. Answers the reference a queued mail may carry.
	 */
	String issue(long userId, Purpose purpose, Instant now) {
		jdbc.sql("update password_link set used_at = ? where user_id = ? and purpose = ? and used_at is null")
			.params(java.sql.Timestamp.from(now), userId, purpose.name()).update();
		byte[] nonce = new byte[32];
		RANDOM.nextBytes(nonce);
		long id = jdbc.sql("select nextval(pg_get_serial_sequence('password_link', 'id'))").query(Long.class).single();
		jdbc.sql("""
				insert into password_link (id, user_id, purpose, nonce, token_hash, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, userId, purpose.name(), nonce, hash(token(id, userId, nonce)), java.sql.Timestamp.from(now),
					java.sql.Timestamp.from(now.plus(purpose.lifetime)))
			.update();
		return KIND + ":" + id;
	}

	/** The link this token opens if it can still be used; otherwise why not. Locks the row until commit. */
	Usable claim(String token, Instant now) {
		return open(token, now, true);
	}

	/** The link this token opens if it can still be used, without locking it (to show its page). */
	Usable peek(String token, Instant now) {
		return open(token, now, false);
	}

	private Usable open(String token, Instant now, boolean lock) {
		if (token == null || token.isBlank() || token.length() > 100) {
			throw new LinkRefused(Refusal.UNKNOWN);
		}
		record Row(long id, long userId, String purpose, java.sql.Timestamp expiresAt, java.sql.Timestamp usedAt) {
		}
		Row row = jdbc.sql("""
				select id, user_id, purpose, expires_at, used_at from password_link where token_hash = ?"""
				+ (lock ? " for update" : ""))
			.param(hash(token)).query(Row.class).optional()
			.orElseThrow(() -> new LinkRefused(Refusal.UNKNOWN));
		if (row.usedAt() != null) {
			throw new LinkRefused(replaced(row.id(), row.userId(), row.purpose(), row.usedAt()) ? Refusal.REPLACED
					: Refusal.USED);
		}
		if (!row.expiresAt().toInstant().isAfter(now)) {
			throw new LinkRefused(Refusal.EXPIRED);
		}
		return new Usable(row.id(), row.userId(), Purpose.valueOf(row.purpose()));
	}

	/**
	 * Whether a link was closed by a newer one rather than used: {@link #issue} closes the older links at the very
	 * instant it creates the newer one, so a newer link of the same person and purpose was created when it closed.
	 */
	private boolean replaced(long id, long userId, String purpose, java.sql.Timestamp closedAt) {
		return jdbc.sql("""
				select exists (select 1 from password_link
				               where user_id = ? and purpose = ? and id > ? and created_at = ?)""")
			.params(userId, purpose, id, closedAt).query(Boolean.class).single();
	}

	/** Whether this person was sent a reset link less than {@link #RESET_SPACING} ago. */
	boolean resetSentRecently(long userId, Instant now) {
		return jdbc.sql("""
				select exists (select 1 from password_link
				               where user_id = ? and purpose = 'RESET' and created_at > ?)""")
			.params(userId, java.sql.Timestamp.from(now.minus(RESET_SPACING))).query(Boolean.class).single();
	}

	void markUsed(long id, Instant now) {
		jdbc.sql("update password_link set used_at = ? where id = ?").params(java.sql.Timestamp.from(now), id).update();
	}

	@Override
	public String kind() {
		return KIND;
	}

	/** The URL of link {@code id}, rebuilt for the outbox sender at delivery. */
	@Override
	public Optional<String> url(long id) {
		return jdbc.sql("select user_id, nonce from password_link where id = ?").param(id)
			.query((rs, n) -> url(token(id, rs.getLong(1), rs.getBytes(2)))).optional();
	}

	private String url(String token) {
		return publicAddress.of("/password/reset?token=" + token);
	}

	private String token(long linkId, long userId, byte[] nonce) {
		return serverKey.linkToken(KIND, linkId, userId, nonce);
	}

	static String hash(String token) {
		return ServerKey.tokenHash(token);
	}
}
