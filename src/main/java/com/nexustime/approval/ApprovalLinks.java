package com.nexustime.approval;

import java.security.SecureRandom;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.nexustime.notify.SecretLinks;
import com.nexustime.system.ServerKey;
import com.nexustime.system.web.PublicAddress;

/**
 * The client's signing links. A link's token is the HMAC, under the server key, of its approval, its id and a
 * random nonce; the database holds the nonce and the token's SHA-256 (to find the approval a link opens), never
 * the token, so neither a database reader nor the engine can give a link back, and the sender never sees one.
 * Only the mail to the contact carries it: composed here just before it goes to the SMTP server, or rebuilt by the
 * outbox sender when the mail waited in the outbox.
 */
@Component
class ApprovalLinks implements SecretLinks {

	static final String KIND = "approval-link";

	private static final SecureRandom RANDOM = new SecureRandom();

	/** Why a link was issued. */
	enum Occasion {
		FIRST, REMINDER, RESEND
	}

	/** A new link: its id (what a queued mail may name) and its URL (only ever put in the contact's mail). */
	record Issued(long id, String url) {

		String reference() {
			return KIND + ":" + id;
		}
	}

	private final JdbcClient jdbc;

	private final ServerKey serverKey;

	private final PublicAddress publicAddress;

	ApprovalLinks(JdbcClient jdbc, ServerKey serverKey, PublicAddress publicAddress) {
		this.jdbc = jdbc;
		this.serverKey = serverKey;
		this.publicAddress = publicAddress;
	}

	/** A fresh link to approval {@code approvalId}, stored as nonce and hash in the caller's transaction. */
	Issued issue(long approvalId, Occasion occasion) {
		byte[] nonce = new byte[32];
		RANDOM.nextBytes(nonce);
		// the id is part of what the token signs, so it is taken before the row is written
		long id = jdbc.sql("select nextval(pg_get_serial_sequence('client_approval_link', 'id'))").query(Long.class)
			.single();
		String token = token(approvalId, id, nonce);
		jdbc.sql("""
				insert into client_approval_link (id, approval_id, nonce, token_hash, occasion) values (?, ?, ?, ?, ?)""")
			.params(id, approvalId, nonce, hash(token), occasion.name()).update();
		return new Issued(id, url(token));
	}

	/** The approval a token opens, if any link has it. */
	Optional<Long> approvalOf(String token) {
		return jdbc.sql("select approval_id from client_approval_link where token_hash = ?").param(hash(token))
			.query(Long.class).optional();
	}

	@Override
	public String kind() {
		return KIND;
	}

	/** The URL of link {@code id}, rebuilt from its nonce for the outbox sender at delivery time. */
	@Override
	public Optional<String> url(long id) {
		return jdbc.sql("select approval_id, nonce from client_approval_link where id = ?").param(id)
			.query((rs, n) -> url(token(rs.getLong(1), id, rs.getBytes(2))))
			.optional();
	}

	private String url(String token) {
		return publicAddress.of("/public/approvals/" + token);
	}

	private String token(long approvalId, long linkId, byte[] nonce) {
		return serverKey.linkToken(KIND, approvalId, linkId, nonce);
	}

	static String hash(String token) {
		return ServerKey.tokenHash(token);
	}
}
