package com.nexustime.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.nexustime.catalog.ArtworkPricing;
import com.nexustime.catalog.ArtworkPricing.PricedArtwork;
import com.nexustime.system.web.ConflictException;

/**
 * Per-piece work on a range invoice: the entries of a per-piece project linked to an artwork are billed as one
 * line per completed artwork ("Artwork A-101 (tier Complex, 1 alteration)", its hours for information, no rate,
 * the artwork's price), not per hour. Entries of an artwork still in progress wait for its completion (they stay
 * finalized and on no invoice). An artwork whose earlier entries are already on an invoice was billed then: later
 * entries go on a line of its own at 0.00 ("already billed"), so its price is never billed twice. Every other
 * entry is billed as before. See {@code docs/per-piece.md}.
 */
@Component
class ArtworkLines {

	/** The range's entries sorted out: the lines and entries to bill, and the entries that wait. */
	record Split(List<Invoice.Line> lines, List<Long> entryIds, List<Long> waiting) {
	}

	private final JdbcClient jdbc;

	private final ArtworkPricing pricing;

	ArtworkLines(JdbcClient jdbc, ArtworkPricing pricing) {
		this.jdbc = jdbc;
		this.pricing = pricing;
	}

	/** {@code entries} (in date order) as invoice lines: artwork lines first, then the others as InvoiceLines makes them. */
	Split split(List<InvoiceLines.Billable> entries) {
		Map<Long, Long> artworkOf = new LinkedHashMap<>();
		if (!entries.isEmpty()) {
			jdbc.sql("""
					select e.id, e.artwork_id from time_entry e join project p on p.id = e.project_id
					 where e.id = any(?) and e.artwork_id is not null and p.type = 'PER_PIECE'""")
				.param(entries.stream().map(InvoiceLines.Billable::id).toArray(Long[]::new))
				.query((rs, n) -> artworkOf.put(rs.getLong("id"), rs.getLong("artwork_id"))).list();
		}
		Map<Long, PricedArtwork> artworks = pricing.byId(Set.copyOf(artworkOf.values()));
		Set<Long> billedBefore = artworks.isEmpty() ? Set.of() : new HashSet<>(jdbc.sql("""
				select distinct artwork_id from time_entry where artwork_id = any(?) and invoice_id is not null""")
			.param(artworks.keySet().toArray(Long[]::new)).query(Long.class).list());

		Map<PricedArtwork, List<InvoiceLines.Billable>> byArtwork = new LinkedHashMap<>();
		List<InvoiceLines.Billable> hourly = new ArrayList<>();
		List<Long> waiting = new ArrayList<>();
		for (InvoiceLines.Billable entry : entries) {
			Long artworkId = artworkOf.get(entry.id());
			if (artworkId == null) {
				hourly.add(entry);
				continue;
			}
			PricedArtwork artwork = artworks.get(artworkId);
			if (!artwork.complete()) {
				waiting.add(entry.id());
				continue;
			}
			if (artwork.price() == null && !billedBefore.contains(artworkId)) {
				throw new ConflictException("artwork " + artwork.name() + " of " + artwork.projectName()
						+ " cannot be billed: " + artwork.missing() + " (tier " + artwork.complexityTier()
						+ "); add the price on the artwork price list first");
			}
			byArtwork.computeIfAbsent(artwork, a -> new ArrayList<>()).add(entry);
		}

		List<Invoice.Line> lines = new ArrayList<>();
		List<Long> entryIds = new ArrayList<>();
		byArtwork.entrySet().stream()
			.sorted(java.util.Comparator.comparing((Map.Entry<PricedArtwork, List<InvoiceLines.Billable>> e) -> e
				.getKey().projectName()).thenComparing(e -> e.getKey().name()).thenComparing(e -> e.getKey().id()))
			.forEach(e -> {
				PricedArtwork artwork = e.getKey();
				boolean again = billedBefore.contains(artwork.id());
				int minutes = e.getValue().stream().mapToInt(b -> b.minutes() == null ? 0 : b.minutes()).sum();
				BigDecimal hours = BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
				lines.add(new Invoice.Line(lines.size() + 1, artwork.projectName(),
						artwork.projectName() + " — " + artwork.label() + (again ? " — already billed" : ""), hours,
						null, again ? BigDecimal.ZERO.setScale(2) : artwork.price()));
				e.getValue().forEach(b -> entryIds.add(b.id()));
			});
		for (Invoice.Line line : InvoiceLines.of(hourly)) {
			lines.add(new Invoice.Line(lines.size() + 1, line.group(), line.description(), line.hours(), line.rate(),
					line.amount()));
		}
		hourly.forEach(b -> entryIds.add(b.id()));
		return new Split(lines, entryIds, waiting);
	}
}
