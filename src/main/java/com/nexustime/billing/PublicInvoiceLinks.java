package com.nexustime.billing;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.nexustime.notify.SecretLinks;
import com.nexustime.system.ServerKey;
import com.nexustime.system.web.PublicAddress;

/**
 * The client's links to a sent invoice, on the trust model of the approval links: a token is the HMAC, under the
 * server key, of the invoice, the link's id and a random nonce; {@code invoice_link} holds the nonce and the
 * token's SHA-256, never the token. Only the invoice mail to the contact carries a link, put in by the outbox
 * sender at delivery ({@link SecretLinks}); no page, API answer or log of the sender's side shows one.
 */
@Component
class PublicInvoiceLinks implements SecretLinks {

	static final String KIND = "invoice-link";

	private static final SecureRandom RANDOM = new SecureRandom();

	/** A new link: its id (what the queued mail names) and its URL (only ever put in the contact's mail). */
	record Issued(long id, String url) {

		String reference() {
			return KIND + ":" + id;
		}
	}

	/** The link a token opens: its invoice and whether it is past its end. */
	record Opened(long linkId, long invoiceId, boolean expired) {
	}

	private final JdbcClient jdbc;

	private final ServerKey serverKey;

	private final PublicAddress publicAddress;

	private final Duration lifetime;

	PublicInvoiceLinks(JdbcClient jdbc, ServerKey serverKey, PublicAddress publicAddress,
			@Value("${nexus.public.invoice-link-days:90}") int days) {
		this.jdbc = jdbc;
		this.serverKey = serverKey;
		this.publicAddress = publicAddress;
		this.lifetime = Duration.ofDays(Math.max(1, days));
	}

	/** A fresh link to invoice {@code invoiceId}, stored as nonce and hash in the caller's transaction. */
	Issued issue(long invoiceId) {
		byte[] nonce = new byte[32];
		RANDOM.nextBytes(nonce);
		// the id is part of what the token signs, so it is taken before the row is written
		long id = jdbc.sql("select nextval(pg_get_serial_sequence('invoice_link', 'id'))").query(Long.class).single();
		String token = token(invoiceId, id, nonce);
		jdbc.sql("insert into invoice_link (id, invoice_id, nonce, token_hash, expires_at) values (?, ?, ?, ?, ?)")
			.params(id, invoiceId, nonce, hash(token), Timestamp.from(Instant.now().plus(lifetime))).update();
		return new Issued(id, url(token));
	}

	/** The link a token opens, if any link has it. */
	Optional<Opened> open(String token) {
		if (token == null || token.isEmpty() || token.length() > 100) {
			return Optional.empty();
		}
		return jdbc.sql("select id, invoice_id, expires_at <= now() expired from invoice_link where token_hash = ?")
			.param(hash(token))
			.query((rs, n) -> new Opened(rs.getLong("id"), rs.getLong("invoice_id"), rs.getBoolean("expired")))
			.optional();
	}

	/** Counts a view; the first one keeps its time and the address it came from. */
	void viewed(long linkId, String address) {
		jdbc.sql("""
				update invoice_link set view_count = view_count + 1,
				       first_viewed_from = case when first_viewed_at is null then ? else first_viewed_from end,
				       first_viewed_at = coalesce(first_viewed_at, now())
				 where id = ?""")
			.params(address, linkId).update();
	}

	/** The client's views of the invoice over all its links; empty when it has no link (never sent). */
	Optional<PublicInvoiceViews> views(long invoiceId) {
		return jdbc.sql("""
				select (select min(first_viewed_at) from invoice_link where invoice_id = :id) first_at,
				       (select first_viewed_from from invoice_link where invoice_id = :id and first_viewed_at is not null
				         order by first_viewed_at limit 1) first_from,
				       (select coalesce(sum(view_count), 0) from invoice_link where invoice_id = :id) views,
				       (select max(expires_at) from invoice_link where invoice_id = :id) expires_at""")
			.param("id", invoiceId)
			.query((rs, n) -> new PublicInvoiceViews(instant(rs.getTimestamp("first_at")), rs.getString("first_from"),
					rs.getInt("views"), instant(rs.getTimestamp("expires_at"))))
			.optional().filter(v -> v.expiresAt() != null);
	}

	@Override
	public String kind() {
		return KIND;
	}

	/** The URL of link {@code id}, rebuilt from its nonce for the outbox sender at delivery time. */
	@Override
	public Optional<String> url(long id) {
		return jdbc.sql("select invoice_id, nonce from invoice_link where id = ?").param(id)
			.query((rs, n) -> url(token(rs.getLong(1), id, rs.getBytes(2))))
			.optional();
	}

	private String url(String token) {
		return publicAddress.of("/public/invoices/" + token);
	}

	private String token(long invoiceId, long linkId, byte[] nonce) {
		return serverKey.linkToken(KIND, invoiceId, linkId, nonce);
	}

	static String hash(String token) {
		return ServerKey.tokenHash(token);
	}

	private static Instant instant(Timestamp value) {
		return value == null ? null : value.toInstant();
	}
}
