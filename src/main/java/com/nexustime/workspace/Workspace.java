package com.nexustime.workspace;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/** The workspace's settings as every feature reads them. */
public record Workspace(String name, String currency, BigDecimal defaultRate, WeekStart weekStart, String timeZone,
		BigDecimal poAlertThresholdPercent, List<String> alertRecipients, int timerReminderHours,
		int approvalLinkDays, String brandColor, String logoUrl, String senderName, int version,
		boolean autoInvoice, BigDecimal weeklyHours) {

	public ZoneId zone() {
		return ZoneId.of(timeZone);
	}

	/** The first day of the week that contains {@code date}. */
	public LocalDate weekContaining(LocalDate date) {
		return date.with(TemporalAdjusters.previousOrSame(weekStart.day()));
	}
}
