package com.nexustime.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Asks the rules whether an entry of a week may be created, edited or deleted ({@code rules/week-locking.drl}).
 * The one place the API, the pages and the weekly grid consult; a refusal is a 409 with the reason, an
 * audited decision is an admin override the caller flags in the audit log.
 *
 * <p>The rules belong to the rule group {@value #RULE_GROUP}, focused here. The first rule to decide (by
 * salience, most fundamental refusal first) inserts the one {@link LockDecision} fact that this facade returns.
 *
 * <p>An edited rule file may leave a gap (no rule decides a question) or an overlap (several rules decide it).
 * Neither lets a change through: the change is refused with a reason saying so (the overlap naming the rules
 * that each decided), and the question is logged at WARN so that the process owner can close the gap.
 */
@Component
public class WeekLockRules {

	static final String RULE_GROUP = "week-locking";

	private static final Logger log = LoggerFactory.getLogger(WeekLockRules.class);

	private final RuleBook rules;

	public WeekLockRules(RuleBook rules) {
		this.rules = rules;
	}

	/** A decision and the rule that made it. */
	private record Decided(String rule, LockDecision decision) {
	}

	public LockDecision decide(LockQuestion question) {
		List<Decided> decisions = rules.evaluate(session -> {
			List<Decided> made = new ArrayList<>();
			RuleRuntimeEventListener listener = new DefaultRuleRuntimeEventListener() {

				@Override
				public void objectInserted(ObjectInsertedEvent event) {
					if (event.getObject() instanceof LockDecision decision) {
						made.add(new Decided(event.getRule() == null ? "?" : event.getRule().getName(), decision));
					}
				}

				@Override
				public void objectDeleted(ObjectDeletedEvent event) {
					made.removeIf(d -> d.decision() == event.getOldObject());
				}
			};
			session.addEventListener(listener);
			try {
				session.insert(question);
				session.getAgenda().getAgendaGroup(RULE_GROUP).setFocus();
				session.fireAllRules();
			}
			finally {
				session.removeEventListener(listener);
			}
			return made;
		});
		if (decisions.size() == 1) {
			return decisions.get(0).decision();
		}
		if (decisions.isEmpty()) {
			log.warn("No week-locking rule decided {}; the change is refused", question);
			return LockDecision.refuse("no locking rule decided about this change (" + describe(question)
					+ "); it is refused until the week-locking rules decide it");
		}
		String names = decisions.stream().map(d -> "\"" + d.rule() + "\"").distinct()
			.collect(Collectors.joining(", "));
		log.warn("Week-locking rules {} each decided {}: {}; the change is refused", names, question,
				decisions.stream().map(Decided::decision).toList());
		return LockDecision.refuse("the locking rules " + names + " each decided about this change ("
				+ describe(question) + "); it is refused until only one of them decides");
	}

	/** The question in words, for the person refused and the process owner who reads the log. */
	private static String describe(LockQuestion question) {
		return lower(question.entryType()) + " entry, " + lower(question.entryStatus()) + ", in a week that is "
				+ lower(question.weekState()) + ", asked by " + switch (question.actor()) {
					case OWNER -> "its owner";
					case MANAGER -> "its owner's manager";
					case ADMIN -> "an admin";
				};
	}

	private static String lower(String value) {
		return value.toLowerCase(Locale.ROOT).replace('_', ' ');
	}
}
