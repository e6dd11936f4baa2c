package com.nexustime.rules;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Asks the rules what an artwork costs ({@code rules/artwork-pricing.drl}): the one place the project summary's
 * per-piece figure, the artworks list and the invoice's artwork lines get an artwork's price from.
 *
 * <p>The rules belong to the rule group {@value #RULE_GROUP}, focused here. They insert at most one
 * {@link ArtworkPriceChoice} per item (tier, alteration), which this gateway turns into an
 * {@link ArtworkPriceAnswer}.
 */
@Component
public class ArtworkPricingRules {

	static final String RULE_GROUP = "artwork-pricing";

	private final RuleBook rules;

	public ArtworkPricingRules(RuleBook rules) {
		this.rules = rules;
	}

	/** The price of the artwork {@code question} describes, chosen among {@code candidates}. */
	public ArtworkPriceAnswer price(ArtworkPriceQuestion question, List<ArtworkPriceCandidate> candidates) {
		List<ArtworkPriceChoice> choices = rules.evaluate(session -> {
			session.insert(question);
			candidates.forEach(session::insert);
			session.getAgenda().getAgendaGroup(RULE_GROUP).setFocus();
			session.fireAllRules();
			Collection<?> found = session.getObjects(ArtworkPriceChoice.class::isInstance);
			return found.stream().map(ArtworkPriceChoice.class::cast).toList();
		});
		ArtworkPriceChoice tier = only(choices, "TIER", question);
		ArtworkPriceChoice alteration = only(choices, "ALTERATION", question);
		return new ArtworkPriceAnswer(tier == null ? null : tier.price(), tier == null ? null : tier.source(),
				alteration == null ? null : alteration.price(), alteration == null ? null : alteration.source(),
				question.alterationCount());
	}

	private static ArtworkPriceChoice only(List<ArtworkPriceChoice> choices, String item,
			ArtworkPriceQuestion question) {
		List<ArtworkPriceChoice> of = choices.stream().filter(c -> item.equals(c.item())).toList();
		if (of.size() > 1) {
			// an overlap in an edited rule file; better to fail loudly than to bill a guessed price
			throw new IllegalStateException("The artwork-pricing rules chose " + of.size() + " " + item
					+ " prices instead of one for " + question + ": " + of);
		}
		return of.isEmpty() ? null : of.get(0);
	}
}
