package com.nexustime.people;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.audit.AuditLog;
import com.nexustime.system.web.NotFoundException;

/**
 * What an hour of a person costs the agency, effective-dated: the rate in force on a day is the one with the
 * latest {@code effectiveFrom} on or before it. Confidential: only admins read or change these, and only the
 * profitability report uses them (as sums per project, never per person).
 */
@Service
@Transactional
public class CostRates {

	/** A rate that applies from the first day, as for billing rates. */
	public static final LocalDate FROM_THE_START = LocalDate.of(1970, 1, 1);

	static final String ENTITY = "user_cost_rate";

	public record CostRate(LocalDate effectiveFrom, BigDecimal rate) {
	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	CostRates(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** The person's cost rates, newest first. */
	@Transactional(readOnly = true)
	public List<CostRate> of(long userId) {
		requireUser(userId);
		return jdbc.sql("select effective_from, rate from user_cost_rate where user_id = ? order by effective_from desc")
			.param(userId)
			.query((rs, n) -> new CostRate(rs.getObject("effective_from", LocalDate.class), rs.getBigDecimal("rate")))
			.list();
	}

	/** Sets the rate from a day on, replacing one that starts the same day. */
	public CostRate set(long userId, NewCostRate change) {
		requireUser(userId);
		LocalDate from = change.getEffectiveFrom() == null ? FROM_THE_START : change.getEffectiveFrom();
		CostRate after = new CostRate(from, change.getRate().setScale(2));
		Optional<CostRate> before = find(userId, from);
		jdbc.sql("""
				insert into user_cost_rate (user_id, effective_from, rate) values (?, ?, ?)
				on conflict (user_id, effective_from) do update set rate = excluded.rate, created_at = now()""")
			.params(userId, from, after.rate()).update();
		audit.record(before.isPresent() ? "UPDATE" : "CREATE", ENTITY, userId + ":" + from,
				before.map(b -> entry(userId, b)).orElse(null), entry(userId, after));
		return after;
	}

	/** Removes the rate that starts on the day; the one before it applies again. */
	public void remove(long userId, LocalDate effectiveFrom) {
		CostRate before = find(userId, effectiveFrom)
			.orElseThrow(() -> new NotFoundException("Cost rate", userId + ":" + effectiveFrom));
		jdbc.sql("delete from user_cost_rate where user_id = ? and effective_from = ?").params(userId, effectiveFrom)
			.update();
		audit.record("DELETE", ENTITY, userId + ":" + effectiveFrom, entry(userId, before), null);
	}

	private Optional<CostRate> find(long userId, LocalDate effectiveFrom) {
		return jdbc.sql("select effective_from, rate from user_cost_rate where user_id = ? and effective_from = ?")
			.params(userId, effectiveFrom)
			.query((rs, n) -> new CostRate(rs.getObject("effective_from", LocalDate.class), rs.getBigDecimal("rate")))
			.optional();
	}

	private void requireUser(long userId) {
		if (jdbc.sql("select count(*) from app_user where id = ?").param(userId).query(Long.class).single() == 0) {
			throw new NotFoundException("User", userId);
		}
	}

	private static Map<String, Object> entry(long userId, CostRate rate) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("userId", userId);
		entry.put("effectiveFrom", rate.effectiveFrom().toString());
		entry.put("rate", rate.rate().toPlainString());
		return entry;
	}
}
