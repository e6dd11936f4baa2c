package com.nexustime.billing;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.nexustime.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invoice page the client opens from the mail, on a phone and on a laptop: the number, the total and a
 * visible, labelled download of the PDF, without an account; axe-core finds nothing serious.
 */
class PublicInvoiceBrowserTest extends BrowserTest {

	static final LocalDate MONDAY = LocalDate.of(2017, 5, 1);

	@ParameterizedTest
	@EnumSource(Screen.class)
	void theClientSeesTheInvoiceAndDownloadsItsPdf(Screen screen) throws Exception {
		BillingFixture fx = new BillingFixture(jdbc);
		fx.entry(fx.website, fx.design, MONDAY, 150, "120.00", "Logo sketches");
		JsonNode approval = fx.approvedApproval(api, context, MONDAY, MONDAY.plusDays(6), "PROJECT");
		JsonNode sent = fx.manager.client(api).post("/api/v1/invoices/from-time",
				Map.of("approvalId", approval.get("id").asText(), "send", true)).json();
		String number = sent.get("number").asText();
		String link = PublicInvoiceTest.linkMailedTo(context, port, fx.contactEmail, number);

		Page page = anonymous(screen);
		page.navigate(link);
		assertUsable(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Invoice " + number)));
		assertThat(page.locator("#total")).hasText(sent.get("currency").asText() + " " + sent.get("total").asText());
		assertUsable(page.locator("#total"));
		assertThat(page.locator("#status")).hasText("Awaiting payment");
		Locator download = assertUsable(page.getByRole(AriaRole.LINK,
				new Page.GetByRoleOptions().setName("Download the PDF of invoice " + number)));
		assertThat(download).hasText("Download the PDF");
		assertNoSidewaysScrolling(page);
		assertAccessible(page);

		Download pdf = page.waitForDownload(download::click);
		assertThat(pdf.suggestedFilename()).isEqualTo("invoice-" + number + ".pdf");
		assertThat(String.join("\n", InvoiceDocumentTest.pages(java.nio.file.Files.readAllBytes(pdf.path()))))
			.contains("Invoice " + number);
	}
}
