package com.nexustime.rules;

import java.math.BigDecimal;

/**
 * Inserted by a rule of {@code artwork-pricing.drl}: the price list row chosen for one item ({@code TIER} or
 * {@code ALTERATION}) and where it came from ({@code CLIENT} or {@code WORKSPACE}).
 */
public record ArtworkPriceChoice(String item, Long priceId, BigDecimal price, String source) {

	public static ArtworkPriceChoice of(ArtworkPriceCandidate row, String source) {
		return new ArtworkPriceChoice(row.item(), row.id(), row.price(), source);
	}
}
