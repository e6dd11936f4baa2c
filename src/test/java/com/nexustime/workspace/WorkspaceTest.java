package com.nexustime.workspace;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkspaceTest {

	@Test
	void theWeekBeginsOnTheConfiguredDay() {
		LocalDate wednesday = LocalDate.of(2026, 11, 25);
		assertThat(workspace(WeekStart.MONDAY).weekContaining(wednesday)).isEqualTo(LocalDate.of(2026, 11, 23));
		assertThat(workspace(WeekStart.SUNDAY).weekContaining(wednesday)).isEqualTo(LocalDate.of(2026, 11, 22));
		LocalDate sunday = LocalDate.of(2026, 11, 22);
		assertThat(workspace(WeekStart.SUNDAY).weekContaining(sunday)).isEqualTo(sunday);
		assertThat(workspace(WeekStart.MONDAY).weekContaining(sunday)).isEqualTo(LocalDate.of(2026, 11, 16));
	}

	@Test
	void theZoneIsParsedFromItsId() {
		assertThat(workspace(WeekStart.MONDAY).zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
	}

	private static Workspace workspace(WeekStart weekStart) {
		return new Workspace("Test", "EUR", new BigDecimal("100.00"), weekStart, "Europe/Berlin",
				new BigDecimal("95.00"), List.of(), 10, 30, "#1f6feb", null, null, 0, false,
				new BigDecimal("40.0"));
	}
}
