package com.nexustime.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.catalog.ArtworkCompleted;
import com.nexustime.catalog.ArtworkPricing;
import com.nexustime.catalog.ArtworkPricing.PricedArtwork;

/**
 * The money of per-piece work: a per-piece project's PP dollars are its artworks' prices (tier price +
 * alterations × alteration price, as {@code rules/artwork-pricing.drl} chooses them), not hours × rate; and an
 * artwork's completion finalizes its time entries, in the transaction that completes it (a plain, synchronous
 * listener). See {@code docs/per-piece.md}.
 */
@Service
@Transactional(readOnly = true)
public class ArtworkMoney {

	private final JdbcClient jdbc;

	private final ArtworkPricing pricing;

	private final EntryFinalization finalization;

	ArtworkMoney(JdbcClient jdbc, ArtworkPricing pricing, EntryFinalization finalization) {
		this.jdbc = jdbc;
		this.pricing = pricing;
		this.finalization = finalization;
	}

	/** The per-piece projects' artworks, priced, by project id; other projects are left out. */
	public Map<Long, List<PricedArtwork>> artworksOfPerPieceProjects(List<Long> projectIds) {
		if (projectIds.isEmpty()) {
			return Map.of();
		}
		List<Long> perPiece = jdbc.sql("select id from project where id = any(?) and type = 'PER_PIECE'")
			.param(projectIds.toArray(Long[]::new)).query(Long.class).list();
		Map<Long, List<PricedArtwork>> found = new java.util.LinkedHashMap<>();
		perPiece.forEach(id -> found.put(id, new ArrayList<>()));
		pricing.ofProjects(perPiece).forEach((id, artworks) -> found.get(id).addAll(artworks));
		return found;
	}

	/**
	 * The summaries with the PP figure of each per-piece project that has artworks set to the sum of the prices of
	 * its artworks priced in the period ({@code from}–{@code to}: completed then, or in progress when the period
	 * holds today). An artwork the price list cannot price counts nothing (its row on the project page says why).
	 * A per-piece project without artworks, and every other project, keeps the figure of its per-piece time.
	 */
	Map<Long, ProjectSummary> withArtworkPrices(Map<Long, ProjectSummary> summaries, LocalDate from, LocalDate to) {
		artworksOfPerPieceProjects(List.copyOf(summaries.keySet())).forEach((id, artworks) -> {
			if (!artworks.isEmpty()) {
				summaries.put(id, summaries.get(id).withPerPiece(total(artworks.stream()
					.filter(a -> !a.pricedOn().isBefore(from) && !a.pricedOn().isAfter(to)).toList())));
			}
		});
		return summaries;
	}

	/** What the artworks cost together, at two decimals. */
	public static BigDecimal total(List<PricedArtwork> artworks) {
		return artworks.stream().map(PricedArtwork::price).filter(java.util.Objects::nonNull)
			.reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
	}

	@EventListener
	@Transactional
	void on(ArtworkCompleted completed) {
		finalization.finalizeArtwork(completed.projectId(), completed.artworkId());
	}
}
