package com.nexustime.rules;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Asks the rules which purchase orders a save pushed over the alert threshold ({@code rules/po-alerts.drl}).
 * The rules belong to the rule group {@value #RULE_GROUP}, focused here; each crossing is one inserted
 * {@link PoCrossing} fact; each purchase order over the line is one {@link PoOverThreshold} fact.
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

	/**
	 * The purchase orders among {@code readings} that the rules find over the threshold now, for showing them;
	 * the readings' before and after are both the usage now.
	 */
	public Set<Long> overThreshold(List<PoReading> readings) {
		if (readings.isEmpty()) {
			return Set.of();
		}
		return rules.evaluate(session -> {
			readings.forEach(session::insert);
			session.getAgenda().getAgendaGroup(RULE_GROUP).setFocus();
			session.fireAllRules();
			return session.getObjects(PoOverThreshold.class::isInstance).stream().map(PoOverThreshold.class::cast)
				.map(PoOverThreshold::purchaseOrderId).collect(Collectors.toSet());
		});
	}
}
