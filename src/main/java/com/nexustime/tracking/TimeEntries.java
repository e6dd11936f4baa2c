package com.nexustime.tracking;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes time entries with one SQL statement per operation. */
@Repository
public class TimeEntries {

	static final String COLUMNS = """
			id, type, user_id, project_id, activity_id, entry_date, started_at, ended_at, minutes, rate, rate_source,
			amount, billable, not_invoiced, description, notes, vendor_id, employee_id, artwork_id, status,
			purchase_order_id, invoice_id, created_at, updated_at, version""";

	private final JdbcClient jdbc;

	TimeEntries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Filter(Long userId, Long projectId, Long contactId, LocalDate from, LocalDate to, EntryType type,
			List<Long> visibleUserIds) {
	}

	TimeEntry insert(TimeEntry e) {
		return jdbc.sql("insert into time_entry (type, user_id, project_id, activity_id, entry_date, started_at, "
				+ "ended_at, minutes, rate, rate_source, amount, billable, not_invoiced, description, notes, vendor_id, "
				+ "employee_id, artwork_id, purchase_order_id) values (:type, :userId, :projectId, :activityId, :date, "
				+ ":start, :end, :minutes, :rate, :rateSource, :amount, :billable, :notInvoiced, :description, :notes, "
				+ ":vendorId, :employeeId, :artworkId, :purchaseOrderId) returning " + COLUMNS)
			.paramSource(params(e))
			.query(TimeEntries::map)
			.single();
	}

	/** Writes the entry if nobody changed it since {@code e.version()} was read; empty when someone did. */
	Optional<TimeEntry> update(TimeEntry e) {
		return jdbc.sql("update time_entry set project_id = :projectId, activity_id = :activityId, entry_date = :date, "
				+ "started_at = :start, ended_at = :end, minutes = :minutes, rate = :rate, rate_source = :rateSource, "
				+ "amount = :amount, billable = :billable, not_invoiced = :notInvoiced, description = :description, "
				+ "notes = :notes, vendor_id = :vendorId, employee_id = :employeeId, artwork_id = :artworkId, "
				+ "purchase_order_id = :purchaseOrderId, "
				+ "updated_at = now(), version = version + 1 where id = :id and version = :version returning " + COLUMNS)
			.paramSource(params(e).addValue("id", e.id()).addValue("version", e.version()))
			.query(TimeEntries::map)
			.optional();
	}

	boolean delete(long id, int version) {
		return jdbc.sql("delete from time_entry where id = ? and version = ?").params(id, version).update() == 1;
	}

	Optional<TimeEntry> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from time_entry where id = ?").param(id).query(TimeEntries::map).optional();
	}

	/** The entry, locked against concurrent changes until the transaction ends. */
	Optional<TimeEntry> lock(long id) {
		return jdbc.sql("select " + COLUMNS + " from time_entry where id = ? for update").param(id)
			.query(TimeEntries::map).optional();
	}

	/** Minutes the user has logged on {@code date}, leaving out one entry (the one being changed). */
	int minutesOn(long userId, LocalDate date, Long exceptEntryId) {
		return jdbc.sql("select coalesce(sum(minutes), 0) from time_entry where user_id = ? and entry_date = ? "
				+ "and type = 'ACTIVITY' and id <> ?")
			.params(userId, date, exceptEntryId == null ? -1L : exceptEntryId)
			.query(Integer.class).single();
	}

	List<TimeEntry> find(Filter f, int limit) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from time_entry e where true");
		var params = new java.util.LinkedHashMap<String, Object>();
		if (f.userId() != null) {
			sql.append(" and e.user_id = :userId");
			params.put("userId", f.userId());
		}
		if (f.visibleUserIds() != null) {
			sql.append(" and e.user_id in (:visible)");
			params.put("visible", f.visibleUserIds().isEmpty() ? List.of(-1L) : f.visibleUserIds());
		}
		if (f.projectId() != null) {
			sql.append(" and e.project_id = :projectId");
			params.put("projectId", f.projectId());
		}
		if (f.contactId() != null) {
			sql.append(" and e.project_id in (select id from project where contact_id = :contactId)");
			params.put("contactId", f.contactId());
		}
		if (f.from() != null) {
			sql.append(" and e.entry_date >= :from");
			params.put("from", f.from());
		}
		if (f.to() != null) {
			sql.append(" and e.entry_date <= :to");
			params.put("to", f.to());
		}
		if (f.type() != null) {
			sql.append(" and e.type = :type");
			params.put("type", f.type().name());
		}
		sql.append(" order by e.entry_date desc, e.id desc limit :limit");
		params.put("limit", limit);
		return jdbc.sql(sql.toString()).params(params).query(TimeEntries::map).list();
	}

	private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(TimeEntry e) {
		return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
			.addValue("type", e.type().name())
			.addValue("userId", e.userId())
			.addValue("projectId", e.projectId())
			.addValue("activityId", e.activityId())
			.addValue("date", e.date())
			.addValue("start", timestamp(e.start()))
			.addValue("end", timestamp(e.end()))
			.addValue("minutes", e.minutes())
			.addValue("rate", e.rate())
			.addValue("rateSource", e.rateSource())
			.addValue("amount", e.amount())
			.addValue("billable", e.billable())
			.addValue("notInvoiced", e.notInvoiced())
			.addValue("description", e.description())
			.addValue("notes", e.notes())
			.addValue("vendorId", e.vendorId())
			.addValue("employeeId", e.employeeId())
			.addValue("artworkId", e.artworkId())
			.addValue("purchaseOrderId", e.purchaseOrderId());
	}

	static TimeEntry map(ResultSet rs, int row) throws SQLException {
		return new TimeEntry(rs.getLong("id"), EntryType.valueOf(rs.getString("type")), rs.getLong("user_id"),
				rs.getLong("project_id"), (Long) rs.getObject("activity_id"), rs.getObject("entry_date", LocalDate.class),
				instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("ended_at")),
				(Integer) rs.getObject("minutes"), rs.getBigDecimal("rate"), rs.getString("rate_source"),
				rs.getBigDecimal("amount"), rs.getBoolean("billable"), rs.getBoolean("not_invoiced"),
				rs.getString("description"), rs.getString("notes"), (Long) rs.getObject("vendor_id"),
				(Long) rs.getObject("employee_id"), (Long) rs.getObject("artwork_id"),
				(Long) rs.getObject("purchase_order_id"), EntryStatus.valueOf(rs.getString("status")),
				(Long) rs.getObject("invoice_id"),
				instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")), rs.getInt("version"),
				List.of());
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	static BigDecimal zeroIfNull(BigDecimal value) {
		return value == null ? BigDecimal.ZERO : value;
	}
}
