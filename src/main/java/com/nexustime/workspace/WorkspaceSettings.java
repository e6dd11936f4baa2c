package com.nexustime.workspace;

import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.StringUtils;

import com.nexustime.audit.AuditLog;

/**
 * The one row of workspace settings. Other features call {@link #current()}; admins change it with
 * {@link #update(WorkspaceForm)}, checked against the version they read and audited with before and after.
 * Hot paths (every time-entry save) read {@link #cached()} instead, which costs no round trip.
 */
@Service
public class WorkspaceSettings {

	static final String ENTITY = "Workspace";

	private final JdbcClient jdbc;

	/** How long {@link #cached()} may answer settings changed elsewhere (another node, SQL by hand). */
	static final Duration CACHED_FOR = Duration.ofSeconds(5);

	private record Cached(Workspace settings, long readAt) {
	}

	private final AuditLog audit;

	/** The settings {@link #cached()} answers; null after a change on this node, until the next read. */
	private volatile Cached cached;

	/** Counts changes, so that a read that overlapped one does not cache what it read. */
	private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();

	WorkspaceSettings(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public Workspace current() {
		return jdbc.sql("select * from workspace where id = 1").query(WorkspaceSettings::map).single();
	}

	/**
	 * The settings as of at most {@link #CACHED_FOR} ago: a change through {@link #update} on this node is seen at
	 * once, a change made elsewhere within {@link #CACHED_FOR}.
	 */
	public Workspace cached() {
		Cached known = cached;
		long now = System.nanoTime();
		if (known != null && now - known.readAt() < CACHED_FOR.toNanos()) {
			return known.settings();
		}
		long generation = changes.get();
		Workspace read = jdbc.sql("select * from workspace where id = 1").query(WorkspaceSettings::map).single();
		if (changes.get() == generation) {
			cached = new Cached(read, now);
		}
		return read;
	}

	@Transactional
	public Workspace update(WorkspaceForm form) {
		Workspace before = jdbc.sql("select * from workspace where id = 1 for update").query(WorkspaceSettings::map)
			.single();
		if (form.getVersion() != null && form.getVersion() != before.version()) {
			throw new OptimisticLockingFailureException("workspace version " + form.getVersion() + " is stale");
		}
		jdbc.sql("""
				update workspace set name = :name, currency = :currency, default_rate = :defaultRate,
				       week_start = :weekStart, time_zone = :timeZone,
				       po_alert_threshold_percent = :threshold, alert_recipients = :recipients,
				       timer_reminder_hours = :reminderHours, approval_link_days = :linkDays,
				       brand_color = :brandColor, logo_url = :logoUrl, sender_name = :senderName,
				       auto_invoice = :autoInvoice, weekly_hours = :weeklyHours,
				       version = version + 1
				where id = 1 and version = :version""")
			.param("name", form.getName().trim())
			.param("currency", form.getCurrency())
			.param("defaultRate", form.getDefaultRate().setScale(2, RoundingMode.HALF_UP))
			.param("weekStart", form.getWeekStart().name())
			.param("timeZone", orKeep(form.getTimeZone(), before.timeZone()))
			.param("threshold", form.getPoAlertThresholdPercent().setScale(2, RoundingMode.HALF_UP))
			.param("recipients", String.join(",", form.getAlertRecipients().stream().map(String::trim).toList()))
			.param("reminderHours", form.getTimerReminderHours())
			.param("linkDays", form.getApprovalLinkDays() == null ? before.approvalLinkDays() : form.getApprovalLinkDays())
			.param("brandColor", orKeep(form.getBrandColor(), before.brandColor()))
			.param("logoUrl", blankClears(form.getLogoUrl(), before.logoUrl()))
			.param("senderName", blankClears(form.getSenderName(), before.senderName()))
			.param("autoInvoice", form.getAutoInvoice() == null ? before.autoInvoice() : form.getAutoInvoice())
			.param("weeklyHours", form.getWeeklyHours() == null ? before.weeklyHours()
					: form.getWeeklyHours().setScale(1, RoundingMode.HALF_UP))
			.param("version", before.version())
			.update();
		Workspace after = current();
		audit.record("UPDATE", ENTITY, 1, before, after);
		forgetCached();
		return after;
	}

	/** Drops the cached settings now and again when the change's transaction ends (a read meanwhile saw the old row). */
	private void forgetCached() {
		changes.incrementAndGet();
		cached = null;
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					changes.incrementAndGet();
					cached = null;
				}
			});
		}
	}

	/** Left out keeps the current value. */
	private static String orKeep(String value, String current) {
		return value == null ? current : value.trim();
	}

	/** Left out keeps the current value; sent empty removes it. */
	private static String blankClears(String value, String current) {
		if (value == null) {
			return current;
		}
		return StringUtils.hasText(value) ? value.trim() : null;
	}

	private static Workspace map(ResultSet rs, int row) throws SQLException {
		String recipients = rs.getString("alert_recipients");
		List<String> list = recipients == null || recipients.isBlank() ? List.of()
				: Arrays.stream(recipients.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
		return new Workspace(rs.getString("name"), rs.getString("currency"), rs.getBigDecimal("default_rate"),
				WeekStart.valueOf(rs.getString("week_start")), rs.getString("time_zone"),
				rs.getBigDecimal("po_alert_threshold_percent"), list, rs.getInt("timer_reminder_hours"),
				rs.getInt("approval_link_days"), rs.getString("brand_color"), rs.getString("logo_url"),
				rs.getString("sender_name"), rs.getInt("version"), rs.getBoolean("auto_invoice"),
				rs.getBigDecimal("weekly_hours"));
	}
}
