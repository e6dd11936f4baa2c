package com.nexustime.approval;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;

import com.nexustime.documents.BrandColor;

import static org.assertj.core.api.Assertions.assertThat;

/** The timesheet PDF read back as text: what the client is asked to approve is all there. */
class ApprovalPdfTest {

	static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

	private final ApprovalPdf pdf = new ApprovalPdf();

	static ApprovalDocument document(List<ApprovalDocument.Line> lines) {
		BigDecimal hours = lines.stream().map(l -> l.hours() == null ? BigDecimal.ZERO : l.hours())
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal amount = lines.stream().map(ApprovalDocument.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		return new ApprovalDocument(7, "Studio North", "#0a7d32", null, "Studio North billing", "EUR", "Ada Client",
				"ada@client.example", "Client Ltd", "Olivia Owner", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 15),
				"PROJECT", "Hours for the spring campaign.", lines, hours, amount, HASH, Instant.parse("2026-03-16T09:00:00Z"),
				Instant.parse("2026-04-15T09:00:00Z"));
	}

	@Test
	void showsTheContactPeriodLinesTotalsMessageAndHash() throws Exception {
		ApprovalDocument document = document(List.of(
				new ApprovalDocument.Line("Spring campaign", "Key visual", new BigDecimal("6.50"), new BigDecimal("120.00"),
						new BigDecimal("780.00")),
				new ApprovalDocument.Line("Spring campaign", "Stock photography", null, null, new BigDecimal("45.5")),
				new ApprovalDocument.Line("Website", "Landing page", new BigDecimal("3.25"), new BigDecimal("100.00"),
						new BigDecimal("325.00"))));

		List<String> pages = pages(pdf.render(document));

		assertThat(pages).hasSize(1);
		String text = pages.get(0);
		assertThat(text).contains("Studio North", "Timesheet for approval", "Ada Client, Client Ltd <ada@client.example>",
				"2 Mar 2026 – 15 Mar 2026", "Grouped by project", "Olivia Owner");
		assertThat(text).contains("Spring campaign", "Key visual 6.50 120.00 780.00", "Stock photography 45.50",
				"Subtotal Spring campaign 6.50 825.50", "Website", "Landing page 3.25 100.00 325.00",
				"Total 9.75 1150.50", "Amount (EUR)");
		assertThat(text.indexOf("Key visual")).isLessThan(text.indexOf("Landing page"));
		assertThat(text).contains("Hours for the spring campaign.").contains("Snapshot SHA-256: " + HASH);
	}

	@Test
	void everyPageCarriesTheSnapshotHash() throws Exception {
		List<ApprovalDocument.Line> lines = new ArrayList<>();
		for (int day = 1; day <= 90; day++) {
			lines.add(new ApprovalDocument.Line("Week " + (1 + day / 7), "Design work, day " + day, new BigDecimal("2.00"),
					new BigDecimal("80.00"), new BigDecimal("160.00")));
		}

		List<String> pages = pages(pdf.render(document(lines)));

		assertThat(pages).hasSizeGreaterThan(1);
		for (int i = 0; i < pages.size(); i++) {
			assertThat(pages.get(i)).contains("Snapshot SHA-256: " + HASH)
				.contains("Page " + (i + 1) + " of " + pages.size());
		}
		assertThat(String.join("\n", pages)).contains("Design work, day 90").contains("Total 180.00 14400.00");
	}

	@Test
	void aBrokenBrandColourFallsBackToTheDefault() {
		assertThat(BrandColor.of("red; background:url(x)").hex()).isEqualTo(BrandColor.DEFAULT);
		assertThat(BrandColor.of("#0A7D32").hex()).isEqualTo("#0a7d32");
	}

	static List<String> pages(byte[] bytes) throws Exception {
		List<String> pages = new ArrayList<>();
		try (PdfDocument read = new PdfDocument(new PdfReader(new ByteArrayInputStream(bytes)))) {
			for (int i = 1; i <= read.getNumberOfPages(); i++) {
				pages.add(PdfTextExtractor.getTextFromPage(read.getPage(i)));
			}
		}
		return pages;
	}
}
