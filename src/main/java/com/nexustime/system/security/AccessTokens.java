package com.nexustime.system.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for the API. The secret is shown once at creation; only its SHA-256 is stored
 * (a 256-bit random secret needs no slow hash), so a database leak reveals no usable token.
 */
@Service
public class AccessTokens {

	static final String PREFIX = "nxt_";

	private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(5);

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	AccessTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record IssuedToken(Long id, String name, String token, String prefix, Instant createdAt, Instant expiresAt) {
	}

	public record TokenInfo(Long id, String name, String prefix, Instant createdAt, Instant expiresAt,
			Instant lastUsedAt, Instant revokedAt) {
	}

	@Transactional
	public IssuedToken issue(long userId, String name, Instant expiresAt) {
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		String prefix = token.substring(0, PREFIX.length() + 6);
		Instant now = Instant.now();
		Long id = jdbc.sql("""
				insert into access_token (user_id, name, token_hash, token_prefix, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(userId, name, hash(token), prefix, java.sql.Timestamp.from(now),
					expiresAt == null ? null : java.sql.Timestamp.from(expiresAt))
			.query(Long.class).single();
		return new IssuedToken(id, name, token, prefix, now, expiresAt);
	}

	public List<TokenInfo> list(long userId) {
		return jdbc.sql("""
				select id, name, token_prefix as prefix, created_at, expires_at, last_used_at, revoked_at
				from access_token where user_id = ? order by id""").param(userId).query(TokenInfo.class).list();
	}

	/** Revokes one of the user's tokens; answers false when the user has no such token. */
	@Transactional
	public boolean revoke(long userId, long tokenId) {
		return jdbc.sql("update access_token set revoked_at = coalesce(revoked_at, now()) where id = ? and user_id = ?")
			.params(tokenId, userId).update() == 1;
	}

	/** The owner of a valid (known, unrevoked, unexpired) token. */
	public Optional<Long> authenticate(String token) {
		if (token == null || !token.startsWith(PREFIX)) {
			return Optional.empty();
		}
		record Match(long id, long userId, Instant lastUsedAt) {
		}
		Optional<Match> match = jdbc.sql("""
				select id, user_id, last_used_at from access_token
				where token_hash = ? and revoked_at is null and (expires_at is null or expires_at > now())""")
			.param(hash(token)).query(Match.class).optional();
		match.filter(m -> m.lastUsedAt() == null || m.lastUsedAt().isBefore(Instant.now().minus(LAST_USED_RESOLUTION)))
			.ifPresent(m -> jdbc.sql("update access_token set last_used_at = now() where id = ?").param(m.id()).update());
		return match.map(Match::userId);
	}

	static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
