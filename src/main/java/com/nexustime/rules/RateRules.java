package com.nexustime.rules;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Asks the rules which hourly rate an entry takes ({@code rules/rate-precedence.drl}). The one place the
 * timer, manual entries, the weekly grid and bulk paste consult, so an entry's snapshotted rate is always
 * chosen the same way.
 *
 * <p>The rules belong to the rule group {@value #RULE_GROUP}, focused here. They insert exactly one
 * {@link RateAnswer} fact, which this facade returns.
 */
@Component
public class RateRules {

	static final String RULE_GROUP = "rate-precedence";

	private final RuleBook rules;

	public RateRules(RuleBook rules) {
		this.rules = rules;
	}

	/**
	 * The rate in force for {@code question}, chosen among {@code candidates} (rows that do not concern the
	 * question are ignored), or the workspace default when none applies.
	 */
	public RateAnswer resolve(RateQuestion question, List<RateCandidate> candidates) {
		List<RateAnswer> answers = rules.evaluate(session -> {
			session.insert(question);
			candidates.forEach(session::insert);
			session.getAgenda().getAgendaGroup(RULE_GROUP).setFocus();
			session.fireAllRules();
			Collection<?> found = session.getObjects(RateAnswer.class::isInstance);
			return found.stream().map(RateAnswer.class::cast).toList();
		});
		if (answers.size() != 1) {
			// a gap or an overlap in an edited rule file; better to fail loudly than to bill a guessed rate
			throw new IllegalStateException("The rate-precedence rules gave " + answers.size()
					+ " answers instead of one for " + question + ": " + answers);
		}
		return answers.get(0);
	}
}
