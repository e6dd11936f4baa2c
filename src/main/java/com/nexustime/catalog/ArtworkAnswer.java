package com.nexustime.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.nexustime.catalog.ArtworkPricing.PricedArtwork;

/**
 * An artwork as the API answers it: its fields and its {@code price} from the price list in force (see
 * {@link ArtworkPricing}); {@code price} is null when the list cannot price it.
 */
public record ArtworkAnswer(Long id, Long projectId, String name, String packagingLevel, String complexityTier,
		Integer alterationCount, LocalDate completedOn, Integer version,
		@JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal price) {

	static ArtworkAnswer of(Artwork artwork, Map<Long, PricedArtwork> priced) {
		PricedArtwork p = priced.get(artwork.id());
		return new ArtworkAnswer(artwork.id(), artwork.projectId(), artwork.name(), artwork.packagingLevel(),
				artwork.complexityTier(), artwork.alterationCount(), artwork.completedOn(), artwork.version(),
				p == null ? null : p.price());
	}
}
