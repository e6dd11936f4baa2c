package com.nexustime.people;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.audit.AuditLog;
import com.nexustime.system.security.AccessTokens;
import com.nexustime.system.security.AccessTokens.IssuedToken;
import com.nexustime.system.security.AccessTokens.TokenInfo;
import com.nexustime.system.web.NotFoundException;
import com.nexustime.system.web.RuleViolationException;

/** A person's own API tokens: issued, listed and revoked by their owner only, each step audited. */
@Service
class PersonalTokens {

	static final String ENTITY = "AccessToken";

	private final AccessTokens tokens;

	private final AuditLog audit;

	PersonalTokens(AccessTokens tokens, AuditLog audit) {
		this.tokens = tokens;
		this.audit = audit;
	}

	/** A token without a chosen end lasts this long. */
	static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);

	/** No token lasts longer than this. */
	static final Duration LONGEST_LIFETIME = Duration.ofDays(366);

	/**
	 * Issues a token; without an end date it ends after {@link #DEFAULT_LIFETIME}, and one may not be chosen more
	 * than {@link #LONGEST_LIFETIME} ahead (422 on {@code expiresAt}).
	 */
	@Transactional
	IssuedToken issue(long ownerId, String name, Instant expiresAt) {
		Instant now = Instant.now();
		if (expiresAt != null && expiresAt.isAfter(now.plus(LONGEST_LIFETIME))) {
			throw new RuleViolationException("expiresAt", "A token can last at most one year.");
		}
		Instant ends = expiresAt != null ? expiresAt : now.plus(DEFAULT_LIFETIME).truncatedTo(ChronoUnit.SECONDS);
		IssuedToken issued = tokens.issue(ownerId, name.trim(), ends);
		audit.record("CREATE", ENTITY, issued.id(), null, evidence(ownerId, issued.name(), issued.prefix(), ends));
		return issued;
	}

	List<TokenInfo> list(long ownerId) {
		return tokens.list(ownerId);
	}

	/** Revokes one of the owner's tokens; someone else's token is as unknown as a missing one. */
	@Transactional
	void revoke(long ownerId, long tokenId) {
		TokenInfo token = tokens.list(ownerId).stream().filter(t -> t.id() == tokenId).findFirst()
			.orElseThrow(() -> new NotFoundException("Token", tokenId));
		if (token.revokedAt() != null) {
			return;
		}
		tokens.revoke(ownerId, tokenId);
		audit.record("REVOKE", ENTITY, tokenId, evidence(ownerId, token.name(), token.prefix(), token.expiresAt()), null);
	}

	private static Map<String, Object> evidence(long ownerId, String name, String prefix, Instant expiresAt) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("userId", ownerId);
		fields.put("name", name);
		fields.put("prefix", prefix);
		fields.put("expiresAt", expiresAt);
		return fields;
	}
}
