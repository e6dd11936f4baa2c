package com.nexustime.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.rules.ArtworkPriceAnswer;
import com.nexustime.rules.ArtworkPriceCandidate;
import com.nexustime.rules.ArtworkPriceQuestion;
import com.nexustime.rules.ArtworkPricingRules;
import com.nexustime.workspace.WorkspaceSettings;

/**
 * What artworks cost: gathers each artwork's client, tier, alterations and pricing day with the price list rows
 * that could apply, and asks the artwork-pricing rules ({@code rules/artwork-pricing.drl}). The one place the
 * project summary, the artworks list and the invoice's artwork lines get a price from.
 *
 * <p>An artwork is priced on the day it was completed; one still in progress on {@code today} (the workspace's
 * day), so its price is what completing it now would bill.
 */
@Service
@Transactional(readOnly = true)
public class ArtworkPricing {

	/** An artwork with what it costs; {@code price} null when the price list cannot price it ({@code missing} says why). */
	public record PricedArtwork(long id, long projectId, String projectName, String name, String packagingLevel,
			String complexityTier, int alterationCount, LocalDate completedOn, LocalDate pricedOn,
			BigDecimal tierPrice, BigDecimal alterationPrice, BigDecimal price, String missing) {

		public boolean complete() {
			return completedOn != null;
		}

		/** How an invoice line names it: "Artwork A-101 (tier Complex, 1 alteration)". */
		public String label() {
			return "Artwork " + name + " (tier " + (complexityTier == null ? "none" : complexityTier) + ", "
					+ alterationCount + (alterationCount == 1 ? " alteration)" : " alterations)");
		}
	}

	private static final String ARTWORKS = """
			select aw.id, aw.project_id, p.name project_name, p.contact_id, aw.name, aw.packaging_level,
			       aw.complexity_tier, aw.alteration_count, aw.completed_on
			  from artwork aw join project p on p.id = aw.project_id""";

	/** An artwork as read, before the rules price it. */
	private record Row(long projectId, String projectName, String name, String packagingLevel, LocalDate completedOn,
			ArtworkPriceQuestion question) {
	}

	private final JdbcClient jdbc;

	private final ArtworkPriceList prices;

	private final ArtworkPricingRules rules;

	private final WorkspaceSettings workspace;

	ArtworkPricing(JdbcClient jdbc, ArtworkPriceList prices, ArtworkPricingRules rules, WorkspaceSettings workspace) {
		this.jdbc = jdbc;
		this.prices = prices;
		this.rules = rules;
		this.workspace = workspace;
	}

	/** The artworks of the projects, priced, by project id (artworks in name order). */
	public Map<Long, List<PricedArtwork>> ofProjects(Collection<Long> projectIds) {
		Map<Long, List<PricedArtwork>> found = new LinkedHashMap<>();
		if (projectIds.isEmpty()) {
			return found;
		}
		for (PricedArtwork artwork : priced(ARTWORKS + " where aw.project_id = any(?) order by aw.name, aw.id",
				projectIds.stream().distinct().toArray(Long[]::new))) {
			found.computeIfAbsent(artwork.projectId(), id -> new ArrayList<>()).add(artwork);
		}
		return found;
	}

	/** The artworks named, priced, by id; ids that name no artwork are left out. */
	public Map<Long, PricedArtwork> byId(Collection<Long> artworkIds) {
		Map<Long, PricedArtwork> found = new LinkedHashMap<>();
		if (!artworkIds.isEmpty()) {
			priced(ARTWORKS + " where aw.id = any(?) order by aw.id", artworkIds.stream().distinct().toArray(Long[]::new))
				.forEach(a -> found.put(a.id(), a));
		}
		return found;
	}

	private List<PricedArtwork> priced(String sql, Long[] ids) {
		LocalDate today = LocalDate.now(workspace.cached().zone());
		Map<Long, List<ArtworkPriceCandidate>> byClient = new HashMap<>();
		return jdbc.sql(sql).param(ids).query((rs, n) -> {
			long contactId = rs.getLong("contact_id");
			LocalDate completedOn = rs.getObject("completed_on", LocalDate.class);
			LocalDate pricedOn = completedOn != null ? completedOn : today;
			ArtworkPriceQuestion question = new ArtworkPriceQuestion(rs.getLong("id"), contactId,
					rs.getString("complexity_tier"), rs.getInt("alteration_count"), pricedOn);
			return new Row(rs.getLong("project_id"), rs.getString("project_name"), rs.getString("name"),
					rs.getString("packaging_level"), completedOn, question);
		}).list().stream().map(row -> {
			ArtworkPriceQuestion question = row.question();
			ArtworkPriceAnswer answer = rules.price(question,
					byClient.computeIfAbsent(question.contactId(), prices::candidates));
			return new PricedArtwork(question.artworkId(), row.projectId(), row.projectName(), row.name(),
					row.packagingLevel(), question.complexityTier(), question.alterationCount(), row.completedOn(),
					question.date(), answer.tierPrice(), answer.alterationPrice(), answer.price(), answer.missing());
		}).toList();
	}
}
