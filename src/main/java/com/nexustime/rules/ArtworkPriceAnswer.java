package com.nexustime.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What the artwork-pricing rules chose for an artwork: the tier price and the price per alteration with where
 * each came from ({@code CLIENT} or {@code WORKSPACE}; null when the price list has none), and the alteration
 * count. {@link #price()} is the artwork's price, or null when something it needs has no price.
 */
public record ArtworkPriceAnswer(BigDecimal tierPrice, String tierSource, BigDecimal alterationPrice,
		String alterationSource, int alterationCount) {

	/** Tier price + alterations × alteration price (scale 2); null when it cannot be priced. */
	public BigDecimal price() {
		if (tierPrice == null || (alterationCount > 0 && alterationPrice == null)) {
			return null;
		}
		BigDecimal alterations = alterationCount == 0 ? BigDecimal.ZERO
				: alterationPrice.multiply(BigDecimal.valueOf(alterationCount));
		return tierPrice.add(alterations).setScale(2, RoundingMode.HALF_UP);
	}

	/** Why {@link #price()} is null, for the person who has to fix the price list; null when it is priced. */
	public String missing() {
		if (tierPrice == null) {
			return "the price list has no price for its complexity tier";
		}
		if (alterationCount > 0 && alterationPrice == null) {
			return "the price list has no price per alteration";
		}
		return null;
	}
}
