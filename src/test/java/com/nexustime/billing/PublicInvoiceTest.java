package com.nexustime.billing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationContext;

import com.nexustime.approval.ApprovalFixture;
import com.nexustime.support.FormSession;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client opens a sent invoice from the link in the invoice mail, without an account; the link is stored only
 * hashed, shown to no one on the sender's side, and tampered or expired links reveal nothing.
 */
class PublicInvoiceTest extends IntegrationTest {

	static final LocalDate MONDAY = LocalDate.of(2019, 6, 3);

	private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]*(/public/invoices/[A-Za-z0-9_-]+)");

	@Test
	void theMailedLinkOpensTheInvoiceAndItsPdfWithoutAnAccountAndNothingElseShowsIt() throws Exception {
		BillingFixture fx = new BillingFixture(jdbc);
		fx.entry(fx.website, fx.design, MONDAY, 150, "120.00", "Logo sketches");
		fx.fixedCost(fx.brochure, MONDAY.plusDays(1), "45.50", "Stock photo");
		JsonNode approval = fx.approvedApproval(api, context, MONDAY, MONDAY.plusDays(6), "PROJECT");
		var manager = fx.manager.client(api);
		String id = manager.post("/api/v1/invoices/from-time", Map.of("approvalId", approval.get("id").asText())).json()
			.get("id").asText();
		var sendResponse = manager.post("/api/v1/invoices/" + id + "/send", null);
		JsonNode sent = sendResponse.json();
		String number = sent.get("number").asText();
		assertThat(sent.get("status").asText()).isEqualTo("SENT");

		String link = linkMailedTo(context, port, fx.contactEmail, number);
		String token = link.substring(link.lastIndexOf('/') + 1);

		// the token is stored only as its hash: no column of the link, the outbox or the invoice holds it
		assertThat(jdbc.sql("select count(*) from invoice_link where invoice_id = ? and token_hash = ?")
			.params(Long.parseLong(id), sha256(token)).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("""
				select count(*) from invoice_link l where l.token_hash = ? or encode(l.nonce, 'escape') like ?""")
			.params(token, "%" + token + "%").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("""
				select count(*) from mail_outbox where body like :t or html_body like :t or secret_link like :t""")
			.param("t", "%" + token + "%").query(Long.class).single()).isZero();

		// the sender's side never shows it
		assertThat(sendResponse.body()).doesNotContain(token).doesNotContain("/public/invoices/");
		assertThat(manager.get("/api/v1/invoices/" + id).body()).doesNotContain(token).doesNotContain("/public/invoices/");
		assertThat(manager.get("/api/v1/invoices").body()).doesNotContain(token);
		FormSession staff = FormSession.signIn(port, fx.manager.email(), TestUsers.PASSWORD);
		String before = staff.get("/invoices/" + id).body();
		assertThat(before).doesNotContain(token).doesNotContain("/public/invoices/").contains("not opened yet");
		assertThat(staff.get("/invoices").body()).doesNotContain(token);
		FormSession admin = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		assertThat(admin.get("/admin/outbox").body()).doesNotContain(token);
		assertThat(admin.get("/invoices/" + id).body()).doesNotContain(token);

		// the client, no account: the invoice with its lines and total
		HttpResponse<String> page = anonymous(link);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Invoice", number, sent.get("lines").get(0).get("description").asText(),
				sent.get("lines").get(1).get("description").asText(), sent.get("currency").asText() + " " + sent.get("total").asText(), "Awaiting payment",
				"Download the PDF");

		HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link + "/pdf"))
			.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		String pdfText = String.join("\n", InvoiceDocumentTest.pages(pdf.body()));
		assertThat(pdfText).contains("Invoice " + number, sent.get("total").asText());
		assertThat(pdfText.replace("\n", "")).doesNotContain(token).doesNotContain("/public/").doesNotContain("/approvals/");

		// the staff page shows that and when the client opened it, and from where
		String address = jdbc.sql("select first_viewed_from from invoice_link where invoice_id = ?")
			.param(Long.parseLong(id)).query(String.class).single();
		assertThat(address).isNotBlank();
		String after = staff.get("/invoices/" + id).body();
		assertThat(after).contains("first opened by the client", address).doesNotContain(token);

		// one character changed: the unavailable page, no invoice data
		char last = token.charAt(token.length() - 1);
		String tampered = link.substring(0, link.length() - 1) + (last == 'A' ? 'B' : 'A');
		HttpResponse<String> refused = anonymous(tampered);
		assertThat(refused.statusCode()).isEqualTo(404);
		assertThat(refused.body()).contains("Page not found").doesNotContain(number).doesNotContain("Stock photo")
			.doesNotContain(fx.unique);
		assertThat(anonymous(tampered + "/pdf").statusCode()).isEqualTo(404);

		// expired: the same page as an expired approval link
		jdbc.sql("update invoice_link set expires_at = now() - interval '1 day' where invoice_id = ?")
			.param(Long.parseLong(id)).update();
		HttpResponse<String> expired = anonymous(link);
		assertThat(expired.statusCode()).isEqualTo(410);
		assertThat(expired.body()).contains("This link has expired").doesNotContain(number).doesNotContain("Stock photo");
		assertThat(anonymous(link + "/pdf").statusCode()).isEqualTo(410);
		jdbc.sql("update invoice_link set expires_at = now() + interval '90 days' where invoice_id = ?")
			.param(Long.parseLong(id)).update();

		// voided: the link shows the invoice as void
		assertThat(manager.post("/api/v1/invoices/" + id + "/void", Map.of("reason", "Wrong client")).status())
			.isEqualTo(200);
		HttpResponse<String> voided = anonymous(link);
		assertThat(voided.statusCode()).isEqualTo(200);
		assertThat(voided.body()).contains("This invoice is void", "Wrong client", number);
		assertThat(String.join("\n", InvoiceDocumentTest.pages(HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(link + "/pdf")).GET().build(), HttpResponse.BodyHandlers.ofByteArray())
			.body()))).contains("(VOID)");
	}

	@Test
	void aDraftHasNoLinkAndTheLinkLivesNinetyDays() {
		BillingFixture fx = new BillingFixture(jdbc);
		fx.entry(fx.website, fx.design, MONDAY, 60, "100.00", "Banner");
		JsonNode approval = fx.approvedApproval(api, context, MONDAY, MONDAY.plusDays(6), "PROJECT");
		var manager = fx.manager.client(api);
		long id = manager.post("/api/v1/invoices/from-time", Map.of("approvalId", approval.get("id").asText())).json()
			.get("id").asLong();
		assertThat(jdbc.sql("select count(*) from invoice_link where invoice_id = ?").param(id).query(Long.class)
			.single()).isZero();
		manager.post("/api/v1/invoices/" + id + "/send", null);
		assertThat(jdbc.sql("""
				select expires_at between now() + interval '89 days' and now() + interval '91 days'
				  from invoice_link where invoice_id = ?""").param(id).query(Boolean.class).single()).isTrue();
		assertThat(jdbc.sql("select secret_link from mail_outbox where recipient = ? order by id desc limit 1")
			.param(fx.contactEmail).query(String.class).single()).startsWith("invoice-link:");
	}

	/** Delivers the outbox to a GreenMail server and answers the invoice link in the mail of invoice {@code number}. */
	static String linkMailedTo(ApplicationContext context, int port, String email, String number) throws Exception {
		List<MimeMessage> received = ApprovalFixture.deliverOutbox(context, email);
		for (MimeMessage message : received) {
			if (message.getSubject().contains("Invoice " + number)) {
				Matcher link = LINK.matcher(text(message));
				assertThat(link.find()).as("an invoice link in the mail").isTrue();
				return "http://localhost:" + port + URI.create(link.group()).getPath();
			}
		}
		throw new AssertionError("no mail of invoice " + number + " reached " + email);
	}

	private static String text(Part part) throws Exception {
		if (part.isMimeType("text/plain")) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			StringBuilder all = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				if (!Part.ATTACHMENT.equalsIgnoreCase(body.getDisposition())) {
					all.append(text(body)).append('\n');
				}
			}
			return all.toString();
		}
		return "";
	}

	static HttpResponse<String> anonymous(String url) throws IOException, InterruptedException {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html")
			.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	static String sha256(String token) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
			.digest(token.getBytes(StandardCharsets.US_ASCII)));
	}
}
