package com.nexustime.finance;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nexustime.support.EditedRules;
import com.nexustime.support.FormSession;
import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Time tab's notice that a project's time is left out of billing comes from the invoicing rules, with their
 * reason: edit {@code invoicing.drl} and the notice follows, together with the summary's figures.
 */
class ProjectSummaryNoticeTest extends IntegrationTest {

	private static final LocalDate DAY = LocalDate.of(2025, 4, 7);

	private static final String OBSOLETE_RULE = """
			    $entry : InvoiceCandidate( projectStatus == "OBSOLETE" )
			then
			    invoiceRefusals.refuse( $entry, "its project is obsolete" );""";

	private static final String CLOSED_RULE = """
			    $entry : InvoiceCandidate( projectStatus == "CLOSED" )
			then
			    invoiceRefusals.refuse( $entry, "its project is closed for billing" );""";

	private FinanceFixture f;

	private String obsolete;

	private String closed;

	@BeforeEach
	void fixture() {
		f = new FinanceFixture(api, admin(), jdbc);
		obsolete = f.project("STANDARD", "HOURLY");
		f.time(obsolete, f.design, DAY, 2);
		closed = f.project("STANDARD", "HOURLY");
		f.time(closed, f.design, DAY, 3);
	}

	@Test
	void theNoticeIsTheInvoicingRulesReason() {
		FormSession admin = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		assertThat(admin.get("/projects/" + obsolete + "/time").body()).doesNotContain("id=\"billing-notice\"");

		f.status(obsolete, "OBSOLETE");
		f.status(closed, "CLOSED");
		assertThat(refusal(admin, obsolete)).isEqualTo("its project is obsolete");
		assertThat(admin.get("/projects/" + closed + "/time").body()).doesNotContain("id=\"billing-notice\"");
		assertThat(f.summary(closed).get("notBilled").asText()).isEqualTo("300.00");

		try (EditedRules edited = EditedRules.replace(admin(), "invoicing.drl", OBSOLETE_RULE, CLOSED_RULE)) {
			assertThat(refusal(admin, closed)).isEqualTo("its project is closed for billing");
			assertThat(f.summary(closed).get("notBilled").asText()).isEqualTo("0.00");
			assertThat(admin.get("/projects/" + obsolete + "/time").body()).doesNotContain("id=\"billing-notice\"");
			assertThat(f.summary(obsolete).get("notBilled").asText()).isEqualTo("200.00");
		}
		assertThat(refusal(admin, obsolete)).isEqualTo("its project is obsolete");
	}

	private String refusal(FormSession session, String project) {
		String html = session.get("/projects/" + project + "/time").body();
		assertThat(html).contains("id=\"billing-notice\"");
		Matcher m = Pattern.compile("id=\"billing-refusal\"[^>]*>([^<]*)<").matcher(html);
		assertThat(m.find()).as("the rules' reason on the page").isTrue();
		return m.group(1).trim();
	}
}
