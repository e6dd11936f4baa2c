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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Personal access tokens for the API. The secret is shown once at creation; only its SHA-256 is stored
 * (a 256-bit random secret needs no slow hash), so a database leak reveals no usable token.
 *
 * <p>A token's owner, as authentication sees them, is kept in memory for at most {@link #REMEMBERED} (a bounded
 * number of tokens), so that a busy client costs no database round trip per request. This node forgets a token
 * at once when it is revoked here and forgets all of a person's tokens when their password, roles, active flag or
 * anything else about them changes here; another node notices such a change within {@link #REMEMBERED}.
 * {@code last_used_at} is written at most once per {@link #LAST_USED_RESOLUTION} per token.
 */
@Service
public class AccessTokens {

	static final String PREFIX = "nxt_";

	static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

	static final Duration REMEMBERED = Duration.ofSeconds(30);

	static final int REMEMBERED_TOKENS = 10_000;

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	/** Known tokens by hash: what authenticating one answered, and when. */
	private final ConcurrentHashMap<String, Known> known = new ConcurrentHashMap<>();

	/** Counts forgets, so that a look-up that overlapped one does not put back what was just forgotten. */
	private final AtomicLong forgets = new AtomicLong();

	AccessTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A valid token's owner as of {@code loadedAt}; {@code lastUsedWritten} is when last_used_at was last set. */
	private static final class Known {

		final long tokenId;

		final long userId;

		final Instant expiresAt;

		final CurrentUser user;

		final long loadedAt;

		volatile long lastUsedWritten;

		Known(long tokenId, long userId, Instant expiresAt, CurrentUser user, long loadedAt, long lastUsedWritten) {
			this.tokenId = tokenId;
			this.userId = userId;
			this.expiresAt = expiresAt;
			this.user = user;
			this.loadedAt = loadedAt;
			this.lastUsedWritten = lastUsedWritten;
		}
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
		boolean revoked = jdbc.sql(
				"update access_token set revoked_at = coalesce(revoked_at, now()) where id = ? and user_id = ?")
			.params(tokenId, userId).update() == 1;
		forget(entry -> entry.tokenId == tokenId);
		return revoked;
	}

	/**
	 * Forgets every remembered token of {@code userId}: call it when anything authentication reads about the person
	 * changes (password, roles, active flag). Inside a transaction it forgets again after the commit, so that a
	 * request reading the old row meanwhile cannot put it back.
	 */
	public void forgetUser(long userId) {
		forget(entry -> entry.userId == userId);
	}

	/**
	 * The person a valid token authenticates, loaded with {@code loadUser} (by id) and remembered for at most
	 * {@link #REMEMBERED}; empty for an unknown, revoked or expired token or a person {@code loadUser} does not find.
	 */
	public Optional<CurrentUser> principal(String token, LongFunction<Optional<CurrentUser>> loadUser) {
		if (token == null || !token.startsWith(PREFIX)) {
			return Optional.empty();
		}
		String hash = hash(token);
		long now = System.nanoTime();
		Known entry = known.get(hash);
		if (entry != null && now - entry.loadedAt < REMEMBERED.toNanos()
				&& (entry.expiresAt == null || entry.expiresAt.isAfter(Instant.now()))) {
			markUsed(entry, now);
			return Optional.of(entry.user);
		}
		known.remove(hash);
		long generation = forgets.get();
		Optional<Match> match = find(hash);
		Optional<CurrentUser> user = match.flatMap(m -> loadUser.apply(m.userId()));
		if (match.isEmpty() || user.isEmpty()) {
			return Optional.empty();
		}
		Match m = match.get();
		Known fresh = new Known(m.id(), m.userId(), m.expiresAt(), user.get(), now, now - LAST_USED_RESOLUTION.toNanos());
		if (m.lastUsedAt() != null && m.lastUsedAt().isAfter(Instant.now().minus(LAST_USED_RESOLUTION))) {
			fresh.lastUsedWritten = now;
		}
		markUsed(fresh, now);
		remember(hash, fresh, generation);
		return user;
	}

	private record Match(long id, long userId, Instant expiresAt, Instant lastUsedAt) {
	}

	private Optional<Match> find(String hash) {
		return jdbc.sql("""
				select id, user_id, expires_at, last_used_at from access_token
				where token_hash = ? and revoked_at is null and (expires_at is null or expires_at > now())""")
			.param(hash).query(Match.class).optional();
	}

	/** Writes last_used_at unless this node wrote it for the token within the resolution. */
	private void markUsed(Known entry, long now) {
		long written = entry.lastUsedWritten;
		if (now - written >= LAST_USED_RESOLUTION.toNanos()) {
			synchronized (entry) {
				if (entry.lastUsedWritten != written) {
					return;
				}
				entry.lastUsedWritten = now;
			}
			writeLastUsed(entry.tokenId);
		}
	}

	private void writeLastUsed(long tokenId) {
		jdbc.sql("update access_token set last_used_at = now() where id = ?").param(tokenId).update();
	}

	private void remember(String hash, Known entry, long generation) {
		if (known.size() >= REMEMBERED_TOKENS) {
			long now = System.nanoTime();
			known.values().removeIf(e -> now - e.loadedAt >= REMEMBERED.toNanos());
			if (known.size() >= REMEMBERED_TOKENS) {
				known.clear();
			}
		}
		known.put(hash, entry);
		if (forgets.get() != generation) {
			// a forget ran while this look-up read the database: what it read may be what was forgotten
			known.remove(hash, entry);
		}
	}

	private void forget(java.util.function.Predicate<Known> which) {
		forgets.incrementAndGet();
		known.values().removeIf(which);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					forgets.incrementAndGet();
					known.values().removeIf(which);
				}
			});
		}
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
