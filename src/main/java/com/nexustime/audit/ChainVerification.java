package com.nexustime.audit;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of checking the chain: how many sealed records were checked, the first record that does not check
 * out ({@code firstBrokenId} and the details in {@code firstBroken}; both absent when the chain is intact), and
 * the records not sealed yet: how many, when the oldest was written and how old it is, against the window within
 * which the sealer promises to seal them ({@code withinWindow}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerification(boolean ok, long checked, Long firstBrokenId, BrokenLink firstBroken, long unsealed,
		Instant oldestUnsealedAt, Double oldestUnsealedSeconds, long unsealedWindowSeconds, boolean withinWindow) {

	/** The checked record's content hash does not match its seal: it was changed after it was sealed. */
	public static final String CONTENT_CHANGED = "CONTENT_CHANGED";

	/** The seal names another predecessor than the seal before it: a record and its seal were removed or added. */
	public static final String LINK_BROKEN = "LINK_BROKEN";

	/** A seal names a record that is no longer in the log: the record was deleted. */
	public static final String RECORD_REMOVED = "RECORD_REMOVED";

	/** A record older than the chain's end is in no seal: it was inserted behind the app's back (or its seal removed). */
	public static final String NOT_IN_CHAIN = "NOT_IN_CHAIN";

	/**
	 * A record after the chain's end without the MAC the application gives every record it appends: it was
	 * inserted behind the application's back, and the sealer will not chain it (stored = the MAC it carries).
	 */
	public static final String NOT_AUTHENTIC = "NOT_AUTHENTIC";

	/**
	 * The first record that does not check out, in record order. {@code CONTENT_CHANGED}: expected = the hash
	 * recomputed from its content, stored = its seal's hash. {@code LINK_BROKEN}: expected = the hash of the seal
	 * before it, stored = the predecessor its seal names. {@code RECORD_REMOVED}: expected = the hash of the seal
	 * naming the missing record; no stored hash, no time. {@code NOT_IN_CHAIN}: no hashes.
	 */
	public record BrokenLink(long id, Instant at, String problem, String expectedHash, String storedHash) {
	}

	/** The records written but not sealed yet. */
	record Unsealed(long count, Instant oldestAt, Double oldestSeconds, long windowSeconds) {

		boolean withinWindow() {
			return oldestSeconds == null || oldestSeconds <= windowSeconds;
		}
	}

	static ChainVerification of(long checked, BrokenLink link, Unsealed unsealed) {
		return new ChainVerification(link == null, checked, link == null ? null : link.id(), link, unsealed.count(),
				unsealed.oldestAt(), unsealed.oldestSeconds(), unsealed.windowSeconds(), unsealed.withinWindow());
	}
}
