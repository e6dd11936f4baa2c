package com.nexustime.rules;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Asks the rules which purchase orders a save pushed over the alert threshold ({@code rules/po-alerts.drl}).
 * The rules belong to the rule group {@value #RULE_GROUP}, focused here; each crossing is one inserted
 * {@link PoCrossing} fact.
 */
@Component
public class PoAlertRules {

	static final String RULE_GROUP = "po-alerts";

	private final RuleBook rules;

	public PoAlertRules(RuleBook rules) {
		this.rules = rules;
	}

	/** The crossings among {@code readings}, in purchase-order order; none when no reading crossed. */
	public List<PoCrossing> crossings(List<PoReading> readings) {
		if (readings.isEmpty()) {
			return List.of();
		}
		return rules.evaluate(session -> {
			readings.forEach(session::insert);
			session.getAgenda().getAgendaGroup(RULE_GROUP).setFocus();
			session.fireAllRules();
			return session.getObjects(PoCrossing.class::isInstance).stream().map(PoCrossing.class::cast)
				.distinct().sorted(Comparator.comparingLong(PoCrossing::purchaseOrderId)).toList();
		});
	}
}
