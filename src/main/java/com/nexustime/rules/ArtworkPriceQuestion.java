package com.nexustime.rules;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What artwork {@code artworkId} costs: its client ({@code contactId}), its complexity tier (null when none is
 * set), how many alterations it had, and the day it is priced on (the day it was completed, or today for one in
 * progress).
 */
public record ArtworkPriceQuestion(long artworkId, long contactId, String complexityTier, int alterationCount,
		LocalDate date) {

	public ArtworkPriceQuestion {
		Objects.requireNonNull(date, "date");
	}

	/** Whether {@code tier} names this artwork's tier; tiers are compared without regard to case or outer spaces. */
	public boolean hasTier(String tier) {
		return complexityTier != null && tier != null && complexityTier.trim().equalsIgnoreCase(tier.trim());
	}
}
