package com.nexustime.tracking;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SimplePropertyRowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.nexustime.rates.RateLookup;
import com.nexustime.rules.RateCandidate;

/**
 * The SQL of saving and reading entries besides the entry rows themselves ({@link TimeEntries}): the person's
 * lock, the facts a save reads, and the checks of the ids an entry names. A save's reads go to PostgreSQL in
 * as few round trips as their order allows: several statements sent together (pgjdbc sends them with one sync
 * and reads the answers in order), each with its own snapshot, so a read after the lock sees what the lock's
 * previous holder committed.
 */
@Repository
class TimeEntryStore {

	/** First key of the per-user advisory lock that serialises one person's saves. */
	private static final int ENTRY_LOCK_SPACE = 0x454e54; // "ENT"

	private static final String LOCK_OWNER = "select pg_advisory_xact_lock(:lockSpace, :lockKey)";

	private static final RowMapper<RateCandidate> RATE_CANDIDATE = new SimplePropertyRowMapper<>(RateCandidate.class);

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate statements;

	private final ReviewedWeeks weeks;

	TimeEntryStore(JdbcClient jdbc, JdbcTemplate template, ReviewedWeeks weeks) {
		this.jdbc = jdbc;
		this.statements = new NamedParameterJdbcTemplate(template);
		this.weeks = weeks;
	}

	/**
	 * Serialises the saves of one person's entries until the transaction ends (the day limit and the weekly grid
	 * rely on it).
	 */
	void lockOwner(long userId) {
		jdbc.sql(LOCK_OWNER).params(lockParams(userId).getValues()).query(Object.class).single();
	}

	/**
	 * The facts of a save in one round trip: the owner's lock first when {@code lockOwner} (then the facts
	 * statement starts after the lock is held), the facts row with the week's status, and the rate candidates
	 * when the draft is priced by rate. Empty for no such project.
	 */
	Optional<SaveFacts> saveFacts(EntryDraft d, Long exceptId, LocalDate day, LocalDate weekStart,
			boolean lockOwner) {
		MapSqlParameterSource params = lockParams(d.userId())
			.addValue("projectId", d.projectId())
			.addValue("activityId", d.activityId(), Types.BIGINT)
			.addValue("userId", d.userId())
			.addValue("day", day, Types.DATE)
			.addValue("weekStart", weekStart, Types.DATE)
			.addValue("exceptId", exceptId == null ? -1L : exceptId);
		boolean priced = d.pricedByRate();
		String sql = (lockOwner ? LOCK_OWNER + ";\n" : "") + """
				select p.id, p.type, p.status, p.corporation, p.billing_mode, a.id as activity_id, a.category,
				       a.corporation as activity_corporation, a.active as activity_active,
				       a.billable as activity_billable,
				       exists (select 1 from purchase_order po where po.project_id = p.id) as has_orders,
				       cast(:day as date) as day,
				       (select coalesce(sum(e.minutes), 0) from time_entry e
				         where e.user_id = :userId and e.entry_date = :day and e.type = 'ACTIVITY'
				           and e.id <> :exceptId) as minutes_that_day,
				       """ + weeks.statusSubquery("userId", "weekStart") + """
				 as week_status
				from project p left join activity a on a.id = :activityId where p.id = :projectId"""
				+ (priced ? ";\n" + RateLookup.CANDIDATES : "");
		return statements.execute(sql, params, (PreparedStatement ps) -> {
			ps.execute();
			if (lockOwner) {
				next(ps);
			}
			SaveFacts facts = null;
			try (ResultSet rs = ps.getResultSet()) {
				if (rs.next()) {
					facts = facts(rs);
				}
			}
			List<RateCandidate> candidates = new ArrayList<>();
			if (priced) {
				next(ps);
				try (ResultSet rs = ps.getResultSet()) {
					while (rs.next()) {
						candidates.add(RATE_CANDIDATE.mapRow(rs, candidates.size()));
					}
				}
			}
			return Optional.ofNullable(facts).map(f -> withCandidates(f, candidates));
		});
	}

	/** The owner's lock, then the entry's row lock, then the status of the week starting {@code weekStart}. */
	Optional<LockedEntry> lockEntry(long ownerId, long entryId, LocalDate weekStart) {
		MapSqlParameterSource params = lockParams(ownerId).addValue("id", entryId).addValue("userId", ownerId)
			.addValue("weekStart", weekStart, Types.DATE);
		String sql = LOCK_OWNER + ";\nselect " + TimeEntries.COLUMNS + " from time_entry where id = :id for update;\n"
				+ "select " + weeks.statusSubquery("userId", "weekStart") + " as week_status";
		return statements.execute(sql, params, (PreparedStatement ps) -> {
			ps.execute();
			next(ps);
			TimeEntry entry = null;
			try (ResultSet rs = ps.getResultSet()) {
				if (rs.next()) {
					entry = TimeEntries.map(rs, 0);
				}
			}
			next(ps);
			String weekStatus;
			try (ResultSet rs = ps.getResultSet()) {
				rs.next();
				weekStatus = rs.getString("week_status");
			}
			return entry == null ? Optional.empty() : Optional.of(new LockedEntry(entry, weekStart, weekStatus));
		});
	}

	/** An entry under its row lock with the stored status of the week starting {@code weekStart} (null: never submitted). */
	record LockedEntry(TimeEntry entry, LocalDate weekStart, String weekStatus) {
	}

	boolean purchaseOrderOnProject(long purchaseOrderId, long projectId) {
		return jdbc.sql("select count(*) from purchase_order where id = ? and project_id = ?")
			.params(purchaseOrderId, projectId).query(Long.class).single() > 0;
	}

	boolean artworkOnProject(long artworkId, long projectId) {
		return jdbc.sql("select count(*) from artwork where id = ? and project_id = ?").params(artworkId, projectId)
			.query(Long.class).single() > 0;
	}

	/** The artwork's name when it has been completed; empty while in progress (or when there is no such artwork). */
	java.util.Optional<String> completedArtworkName(long artworkId) {
		return jdbc.sql("select name from artwork where id = ? and completed_on is not null").param(artworkId)
			.query(String.class).optional();
	}

	boolean vendorExists(long vendorId) {
		return jdbc.sql("select count(*) from vendor where id = ?").param(vendorId).query(Long.class).single() > 0;
	}

	boolean userExists(long userId) {
		return jdbc.sql("select count(*) from app_user where id = ?").param(userId).query(Long.class).single() > 0;
	}

	boolean isManagerOf(long managerId, long userId) {
		return jdbc.sql("select count(*) from app_user where id = ? and manager_id = ?").params(userId, managerId)
			.query(Long.class).single() > 0;
	}

	/** The person and their direct reports: whose entries a manager sees. */
	List<Long> selfAndReports(long personId) {
		return jdbc.sql("select id from app_user where id = ? or manager_id = ?").params(personId, personId)
			.query(Long.class).list();
	}

	private static MapSqlParameterSource lockParams(long userId) {
		return new MapSqlParameterSource().addValue("lockSpace", ENTRY_LOCK_SPACE).addValue("lockKey", (int) userId);
	}

	private static void next(PreparedStatement ps) throws SQLException {
		if (!ps.getMoreResults()) {
			throw new DataRetrievalFailureException("a statement sent together with others answered no rows");
		}
	}

	private static SaveFacts facts(ResultSet rs) throws SQLException {
		return new SaveFacts(rs.getLong("id"), rs.getString("type"), rs.getString("status"), rs.getString("corporation"),
				rs.getString("billing_mode"), (Long) rs.getObject("activity_id"), rs.getString("category"),
				rs.getString("activity_corporation"), (Boolean) rs.getObject("activity_active"),
				(Boolean) rs.getObject("activity_billable"), rs.getBoolean("has_orders"),
				rs.getObject("day", LocalDate.class), rs.getInt("minutes_that_day"), rs.getString("week_status"),
				List.of());
	}

	private static SaveFacts withCandidates(SaveFacts f, List<RateCandidate> candidates) {
		return new SaveFacts(f.id(), f.type(), f.status(), f.corporation(), f.billingMode(), f.activityId(), f.category(),
				f.activityCorporation(), f.activityActive(), f.activityBillable(), f.hasOrders(), f.day(), f.minutesThatDay(), f.weekStatus(),
				List.copyOf(candidates));
	}
}
