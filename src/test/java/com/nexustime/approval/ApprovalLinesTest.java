package com.nexustime.approval;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApprovalLinesTest {

	private static final LocalDate DAY = LocalDate.of(2021, 3, 1);

	private static CoveredEntry time(long id, String project, String activity, int minutes, String rate, String amount) {
		return new CoveredEntry(id, 0, "ACTIVITY", DAY, "Ana", project, activity, "work " + id, minutes,
				new BigDecimal(rate), new BigDecimal(amount));
	}

	@Test
	void timeIsSummedPerGroupAndFixedCostsStayAmountsOnly() {
		CoveredEntry courier = new CoveredEntry(9, 0, "FIXED_COST", DAY, "Ana", "Web", "Print", null, null, null,
				new BigDecimal("45.00"));
		List<ApprovalDocument.Line> lines = ApprovalLines.of(List.of(time(1, "Web", "Design", 90, "100.00", "150.00"),
				time(2, "Web", "Design", 30, "100.00", "50.00"), courier), Grouping.PROJECT);
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).isEqualTo(new ApprovalDocument.Line("Web", "work 1; work 2", new BigDecimal("2.00"),
				new BigDecimal("100.00"), new BigDecimal("200.00")));
		assertThat(lines.get(1).hours()).isNull();
		assertThat(lines.get(1).rate()).isNull();
		assertThat(lines.get(1).description()).isEqualTo("Fixed costs: Print");
		assertThat(ApprovalLines.totalHours(lines)).isEqualByComparingTo("2.00");
		assertThat(ApprovalLines.totalAmount(lines)).isEqualByComparingTo("245.00");
	}

	@Test
	void mixedRatesHaveNoCommonRate() {
		List<ApprovalDocument.Line> lines = ApprovalLines.of(List.of(time(1, "Web", "Design", 60, "100.00", "100.00"),
				time(2, "Web", "Management", 60, "80.00", "80.00")), Grouping.PROJECT);
		assertThat(lines).singleElement().satisfies(l -> assertThat(l.rate()).isNull());
		assertThat(ApprovalLines.of(List.of(time(1, "Web", "Design", 60, "100.00", "100.00"),
				time(2, "Web", "Management", 60, "80.00", "80.00")), Grouping.TASK)).hasSize(2);
	}

	@Test
	void theSnapshotSerialisesCanonically() {
		var a = new java.util.LinkedHashMap<String, Object>();
		a.put("b", "2");
		a.put("a", "1");
		assertThat(CanonicalSnapshot.canonical(a)).isEqualTo("{\"a\":\"1\",\"b\":\"2\"}");
	}
}
