package com.nexustime.approval;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.nexustime.documents.BrandColor;

import static org.assertj.core.api.Assertions.assertThat;

/** The client's email as composed, before it is sent or queued. */
class ApprovalMailTest {

	private final ApprovalMail mail = new ApprovalMail(null, null, null, null, null, "billing@studio.example");

	private final byte[] pdf = { 1, 2, 3 };

	private ApprovalDocument document(String message, String logoUrl, String color) {
		return new ApprovalDocument(3, "Studio <North>", color, logoUrl, null, "EUR", "Ada Client",
				"ada@client.example", "Client Ltd", "Olivia Owner", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 15),
				"DAY", message,
				List.of(new ApprovalDocument.Line("2026-03-02", "Key visual", new BigDecimal("6.5"),
						new BigDecimal("120"), new BigDecimal("780"))),
				new BigDecimal("6.5"), new BigDecimal("780"), ApprovalPdfTest.HASH,
				Instant.parse("2026-03-16T09:00:00Z"), Instant.parse("2026-04-15T09:00:00Z"));
	}

	@Test
	void carriesTheBrandingMessageLinkTotalsHashAndPdf() {
		ApprovalMail.ClientMail composed = mail.compose(
				document("Thanks!\nSee you soon.", "https://cdn.example/logo.png", "#aa3300"),
				"https://nexus.example/a/abc", pdf, ApprovalLinks.Occasion.FIRST);

		assertThat(composed.to()).isEqualTo("ada@client.example");
		assertThat(composed.subject()).isEqualTo("Timesheet for approval, 2 Mar 2026 – 15 Mar 2026 — Studio <North>");
		assertThat(composed.text()).contains("Hello Ada Client", "Olivia Owner has sent you the hours",
				"Thanks!\nSee you soon.", "Total: 6.50 hours, EUR 780.00", "https://nexus.example/a/abc",
				"until 15 Apr 2026", "Studio <North>", "Snapshot SHA-256: " + ApprovalPdfTest.HASH);
		assertThat(composed.html()).contains("Studio &lt;North&gt;", "background:#aa3300",
				"<img src=\"https://cdn.example/logo.png\"", "href=\"https://nexus.example/a/abc\"",
				"EUR 780.00", ApprovalPdfTest.HASH);
		assertThat(composed.attachmentName()).isEqualTo("timesheet-2026-03-02-to-2026-03-15.pdf");
		assertThat(composed.pdf()).isEqualTo(pdf);
	}

	@Test
	void escapesWhatTheOwnerTypedAndIgnoresUnsafeBranding() {
		ApprovalMail.ClientMail composed = mail.compose(
				document("<script>alert(1)</script>", "javascript:alert(1)", "red\" onload=\"x"),
				"https://nexus.example/a/abc", pdf, ApprovalLinks.Occasion.REMINDER);

		assertThat(composed.subject()).startsWith("Reminder: ");
		assertThat(composed.text()).contains("still waiting for your decision");
		assertThat(composed.html()).doesNotContain("<script>", "javascript:", "onload")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("background:" + BrandColor.DEFAULT);
	}
}
