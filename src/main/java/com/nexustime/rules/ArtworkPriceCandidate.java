package com.nexustime.rules;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A row of the artwork price list offered to the artwork-pricing rules: its id, scope ({@code WORKSPACE} or
 * {@code CLIENT}), the client it belongs to (null for the workspace), the item it prices ({@code TIER} with its
 * {@code complexityTier}, or {@code ALTERATION}), the price and the day it takes effect. Rows that do not concern
 * the question (another client, another tier, not in force yet) may be offered: the rules set them aside.
 */
public record ArtworkPriceCandidate(Long id, String scope, Long contactId, String item, String complexityTier,
		BigDecimal price, LocalDate effectiveFrom) {

	/** Whether this price replaces {@code other}: it takes effect later, or on the same day and was recorded later. */
	public boolean supersedes(ArtworkPriceCandidate other) {
		int byDate = effectiveFrom.compareTo(other.effectiveFrom);
		if (byDate != 0) {
			return byDate > 0;
		}
		return id != null && other.id != null && id > other.id;
	}
}
