package com.nexustime.rates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.audit.AuditLog;
import com.nexustime.system.web.ConflictException;
import com.nexustime.system.web.RuleViolationException;

/** Stores rates and answers which exist; deciding which rate prices an entry is the rate rules' job. */
@Service
public class RateService {

	static final String ENTITY = "Rate";

	/** Rates without a date apply from the beginning of time, as far as bookkeeping goes. */
	static final LocalDate SINCE_ALWAYS = LocalDate.of(1970, 1, 1);

	/** A rate with the names of what it applies to, for lists. */
	public record RateView(Long id, RateScope scope, Long userId, String userName, Long projectId, String projectName,
			Long activityId, String activityName, BigDecimal hourlyRate, LocalDate effectiveFrom, Instant createdAt) {
	}

	/** Something a rate can name, for the page's choices. */
	public record Option(Long id, String name) {
	}

	private final RateRepository rates;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	RateService(RateRepository rates, JdbcClient jdbc, AuditLog audit) {
		this.rates = rates;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional
	public RateView create(NewRate input) {
		requireExisting("app_user", input.getUserId(), "userId", "user");
		requireExisting("project", input.getProjectId(), "projectId", "project");
		requireExisting("activity", input.getActivityId(), "activityId", "activity");
		LocalDate effectiveFrom = input.getEffectiveFrom() == null ? SINCE_ALWAYS : input.getEffectiveFrom();
		if (rates.existsForTarget(input.getScope().name(), input.getUserId(), input.getProjectId(),
				input.getActivityId(), effectiveFrom)) {
			throw new ConflictException("A " + input.getScope() + " rate for the same target and activity already "
					+ "starts on " + effectiveFrom + "; add one with another effectiveFrom date instead.");
		}
		Rate saved = rates.save(new Rate(null, input.getScope(), input.getUserId(), input.getProjectId(),
				input.getActivityId(), input.getHourlyRate().setScale(2, RoundingMode.HALF_UP), effectiveFrom,
				Instant.now()));
		RateView created = find(saved.id());
		audit.record("CREATE", ENTITY, saved.id(), null, created);
		return created;
	}

	/** Rates, optionally only those of one user and/or one project; newest start first within a target. */
	@Transactional(readOnly = true)
	public List<RateView> list(Long userId, Long projectId) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		if (userId != null) {
			conditions.add("r.user_id = :userId");
			params.put("userId", userId);
		}
		if (projectId != null) {
			conditions.add("r.project_id = :projectId");
			params.put("projectId", projectId);
		}
		String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
		return jdbc.sql(SELECT + where + "\n" + """
				order by case r.scope when 'WORKSPACE' then 0 when 'USER' then 1 else 2 end,
				         u.name nulls first, p.name nulls first, a.name nulls first, r.effective_from desc, r.id""")
			.params(params).query(RateView.class).list();
	}

	@Transactional(readOnly = true)
	public List<Option> users() {
		return jdbc.sql("select id, name || ' (' || email || ')' as name from app_user where active order by name")
			.query(Option.class).list();
	}

	@Transactional(readOnly = true)
	public List<Option> projects() {
		return jdbc.sql("select id, name from project order by name").query(Option.class).list();
	}

	@Transactional(readOnly = true)
	public List<Option> activities() {
		return jdbc.sql("select id, name from activity where active order by name").query(Option.class).list();
	}

	private RateView find(long id) {
		return jdbc.sql(SELECT + " where r.id = ?").param(id).query(RateView.class).single();
	}

	private void requireExisting(String table, Long id, String field, String what) {
		if (id != null && !jdbc.sql("select exists (select 1 from " + table + " where id = ?)").param(id)
			.query(Boolean.class).single()) {
			throw new RuleViolationException(field, "There is no " + what + " " + id + ".");
		}
	}

	private static final String SELECT = """
			select r.id, r.scope, r.user_id, u.name as user_name, r.project_id, p.name as project_name,
			       r.activity_id, a.name as activity_name, r.hourly_rate, r.effective_from, r.created_at
			from rate r
			left join app_user u on u.id = r.user_id
			left join project p on p.id = r.project_id
			left join activity a on a.id = r.activity_id""";
}
