package com.nexustime.billing;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a range's entries become lines, without the database. */
class InvoiceLinesTest {

	private static InvoiceLines.Billable time(long id, String project, String activity, int minutes, String rate,
			String amount) {
		return new InvoiceLines.Billable(id, "ACTIVITY", project, activity, "work " + id, minutes, new BigDecimal(rate),
				new BigDecimal(amount));
	}

	private static InvoiceLines.Billable money(long id, String type, String project, String activity, String text,
			String amount) {
		return new InvoiceLines.Billable(id, type, project, activity, text, null, null, new BigDecimal(amount));
	}

	@Test
	void timeIsSummedPerProjectActivityAndRateAndMoneyStaysOneLinePerEntry() {
		List<Invoice.Line> lines = InvoiceLines.of(List.of(
				time(1, "Website", "Design", 20, "100.00", "33.33"),
				money(2, "ADJUSTMENT", "Website", null, "Goodwill credit", "-50.00"),
				time(3, "Website", "Design", 20, "100.00", "33.33"),
				time(4, "Brochure", "Design", 60, "90.00", "90.00"),
				money(5, "FIXED_COST", "Website", "Printing", "Flyers", "120.00"),
				time(6, "Website", "Design", 60, "120", "120.00"),
				time(7, "Website", "Copy", 30, "80.00", "40.00")));

		assertThat(lines).extracting(l -> l.position() + " " + l.group() + " | " + l.description() + " | " + l.hours()
				+ " | " + l.rate() + " | " + l.amount())
			.containsExactly(
					"1 Brochure | Brochure — Design | 1.00 | 90.00 | 90.00",
					"2 Website | Website — Copy | 0.50 | 80.00 | 40.00",
					"3 Website | Website — Design | 0.67 | 100.00 | 66.66",
					"4 Website | Website — Design | 1.00 | 120.00 | 120.00",
					"5 Website | Website — Printing: Flyers | null | null | 120.00",
					"6 Website | Website — Adjustment: Goodwill credit | null | null | -50.00");
		assertThat(InvoiceLines.total(lines)).isEqualByComparingTo("386.66");
		assertThat(InvoiceLines.total(lines).scale()).isEqualTo(2);
	}
}
