package com.nexustime.audit;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of checking the whole chain: how many records, and the first one whose hash or link is wrong
 * ({@code firstBrokenId} and the details in {@code firstBroken}; both absent when the chain is intact).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerification(boolean ok, long checked, Long firstBrokenId, BrokenLink firstBroken) {

	/**
	 * The first record that does not check out. {@code CONTENT_CHANGED}: its stored hash is not the hash of its
	 * content (expected = recomputed, stored = in the row). {@code LINK_BROKEN}: its content is intact, but the
	 * predecessor hash it names is not the hash of the record before it (a record was removed or inserted):
	 * expected = the hash of the record before it, stored = the previous hash the row names.
	 */
	public record BrokenLink(long id, Instant at, String problem, String expectedHash, String storedHash) {
	}

	static ChainVerification intact(long checked) {
		return new ChainVerification(true, checked, null, null);
	}

	static ChainVerification broken(long checked, BrokenLink link) {
		return new ChainVerification(false, checked, link.id(), link);
	}
}
