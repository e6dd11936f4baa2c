package com.nexustime.rates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.nexustime.rules.RateAnswer;
import com.nexustime.rules.RateCandidate;
import com.nexustime.rules.RateQuestion;
import com.nexustime.rules.RateRules;

/**
 * The rate that prices an entry: fetches the rate rows that could concern it and lets the rate-precedence rules
 * ({@code rules/rate-precedence.drl}) choose. The fetch decides nothing the rules decide: it hands over every
 * effective date (future ones included), and besides the workspace rates and the entry's own user and project
 * levels, every rate for the entry's activity whoever or whatever project it names, so the rules that set aside
 * another user's, another project's, another activity's and a not-yet-effective rate all see rows to judge. The
 * fetch stays bounded by the entry's user, project and activity (partial indexes, V1 and V31), not by the
 * size of the rate table.
 */
@Component
public class RateLookup {

	/**
	 * The candidate rows as one query with the named parameters {@code :userId}, {@code :projectId} and
	 * {@code :activityId}, its columns those of {@link RateCandidate}: for a caller that reads them in the same
	 * round trip as other facts of a save and then asks {@link #choose}.
	 */
	public static final String CANDIDATES = """
			select id, scope, user_id, project_id, activity_id, hourly_rate, effective_from from rate
			 where scope = 'WORKSPACE'
			    or (scope = 'USER' and user_id = :userId)
			    or (scope = 'PROJECT' and project_id = :projectId)
			    or activity_id = cast(:activityId as bigint)""";

	private final JdbcClient jdbc;

	private final RateRules rules;

	RateLookup(JdbcClient jdbc, RateRules rules) {
		this.jdbc = jdbc;
		this.rules = rules;
	}

	/** The rate for {@code userId}'s time on {@code projectId} and {@code activityId} on {@code date}. */
	public RateAnswer rateFor(long userId, long projectId, Long activityId, LocalDate date,
			BigDecimal workspaceDefaultRate) {
		return rules.resolve(new RateQuestion(userId, projectId, activityId, date, workspaceDefaultRate),
				candidates(userId, projectId, activityId));
	}

	/**
	 * As {@link #rateFor}, from candidate rows the caller already read with {@link #CANDIDATES} for the same
	 * user, project and activity: the rules choose among them.
	 */
	public RateAnswer choose(long userId, long projectId, Long activityId, LocalDate date,
			BigDecimal workspaceDefaultRate, List<RateCandidate> candidates) {
		return rules.resolve(new RateQuestion(userId, projectId, activityId, date, workspaceDefaultRate), candidates);
	}

	/** Every rate row that names the entry's user, project or activity, and the workspace's rates; all dates. */
	List<RateCandidate> candidates(long userId, long projectId, Long activityId) {
		Map<String, Object> params = new HashMap<>();
		params.put("userId", userId);
		params.put("projectId", projectId);
		params.put("activityId", activityId);
		return jdbc.sql(CANDIDATES).params(params).query(RateCandidate.class).list();
	}
}
