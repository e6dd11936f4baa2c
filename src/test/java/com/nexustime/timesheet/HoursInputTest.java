package com.nexustime.timesheet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HoursInputTest {

	@Test
	void decimalHoursAndClockTimesBecomeMinutes() {
		assertThat(HoursInput.minutes("1.5")).isEqualTo(90);
		assertThat(HoursInput.minutes("1,25")).isEqualTo(75);
		assertThat(HoursInput.minutes(".5")).isEqualTo(30);
		assertThat(HoursInput.minutes("8")).isEqualTo(480);
		assertThat(HoursInput.minutes("1:30")).isEqualTo(90);
		assertThat(HoursInput.minutes(" 0:05 ")).isEqualTo(5);
		assertThat(HoursInput.minutes("1.33")).isEqualTo(80);
		assertThat(HoursInput.minutes("2.")).isEqualTo(120);
		assertThat(HoursInput.minutes(",5")).isEqualTo(30);
	}

	@Test
	void emptyCellsAreZero() {
		assertThat(HoursInput.minutes(null)).isZero();
		assertThat(HoursInput.minutes("  ")).isZero();
		assertThat(HoursInput.minutes("0.00")).isZero();
	}

	@Test
	void anythingElseIsRefusedWithTheValue() {
		assertThatThrownBy(() -> HoursInput.minutes("-1")).hasMessageContaining("-1");
		assertThatThrownBy(() -> HoursInput.minutes("abc")).hasMessageContaining("1:30");
		assertThatThrownBy(() -> HoursInput.minutes("1:75")).hasMessageContaining("59");
		assertThatThrownBy(() -> HoursInput.minutes(".")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> HoursInput.minutes(",")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> HoursInput.minutes("123")).isInstanceOf(IllegalArgumentException.class);
	}
}
