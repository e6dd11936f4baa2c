package com.nexustime.rules;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Asks the rules whether an entry of a week may be created, edited or deleted ({@code rules/week-locking.drl}).
 * The one place the API, the pages and the weekly grid consult; a refusal is a 409 with the reason, an
 * audited decision is an admin override the caller flags in the audit log.
 *
 * <p>The rules belong to the rule group {@value #RULE_GROUP}, focused here. The first rule to decide (by
 * salience, most fundamental refusal first) inserts the one {@link LockDecision} fact that this facade returns.
 */
@Component
public class WeekLockRules {

	static final String RULE_GROUP = "week-locking";

	private final RuleBook rules;

	public WeekLockRules(RuleBook rules) {
		this.rules = rules;
	}

	public LockDecision decide(LockQuestion question) {
		List<LockDecision> decisions = rules.evaluate(session -> {
			session.insert(question);
			session.getAgenda().getAgendaGroup(RULE_GROUP).setFocus();
			session.fireAllRules();
			return session.getObjects(LockDecision.class::isInstance).stream().map(LockDecision.class::cast).toList();
		});
		if (decisions.size() != 1) {
			// a gap or an overlap in an edited rule file; never let a locked week through by accident
			throw new IllegalStateException("The week-locking rules gave " + decisions.size()
					+ " decisions instead of one for " + question + ": " + decisions);
		}
		return decisions.get(0);
	}
}
