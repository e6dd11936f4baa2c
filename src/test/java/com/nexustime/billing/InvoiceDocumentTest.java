package com.nexustime.billing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.nexustime.approval.ClientApprovalService;
import com.nexustime.notify.OutboxSender;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/** The invoice PDF read back as text, and the invoice mail delivered from the outbox to a real SMTP server. */
class InvoiceDocumentTest extends IntegrationTest {

	static final LocalDate MONDAY = LocalDate.of(2023, 9, 4);

	@Autowired
	ClientApprovalService approvals;

	@Autowired
	OutboxSender outbox;

	@Test
	void thePdfShowsTheLinesTheTotalAndTheApprovalItCameFrom() throws Exception {
		BillingFixture fx = new BillingFixture(jdbc);
		fx.entry(fx.website, fx.design, MONDAY, 150, "120.00", "Logo sketches");
		fx.entry(fx.brochure, fx.management, MONDAY.plusDays(1), 45, "80.00", "Kick-off call");
		fx.fixedCost(fx.brochure, MONDAY.plusDays(2), "45.50", "Stock photo");
		JsonNode approval = fx.approvedApproval(api, context, MONDAY, MONDAY.plusDays(6), "PROJECT");
		JsonNode invoice = fx.manager.client(api).post("/api/v1/invoices/from-time",
				Map.of("approvalId", approval.get("id").asText())).json();

		HttpResponse<byte[]> response = pdf(fx.manager, invoice.get("id").asText());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		String text = String.join("\n", pages(response.body()));
		assertThat(text).contains("Invoice " + invoice.get("number").asText(), "Client " + fx.unique,
				fx.contactEmail, "4 Sep 2023 – 10 Sep 2023");
		for (JsonNode line : invoice.get("lines")) {
			String figures = line.get("description").asText()
					+ (line.has("hours") ? " " + line.get("hours").asText() + " " + line.get("rate").asText() : "") + " "
					+ line.get("amount").asText();
			assertThat(text).contains(figures);
		}
		assertThat(text).contains("Total", invoice.get("currency").asText() + " " + invoice.get("total").asText());
		assertThat(invoice.get("total").asText()).isEqualTo("405.50");
		// the approval by its number, never an address: the owner's page needs a login, the client's link is secret
		assertThat(text.replace("\n", "")).contains(approval.get("snapshotHash").asText(),
				"Timesheet approval " + approval.get("id").asText(), "open it from the link in the invoice mail")
			.doesNotContain("/approvals/").doesNotContain("/public/");

		assertThat(pdf(fx.staff, invoice.get("id").asText()).statusCode()).isEqualTo(404);
	}

	@Test
	void sendingMailsTheClientThePdfThroughTheOutbox() throws Exception {
		BillingFixture fx = new BillingFixture(jdbc);
		fx.entry(fx.website, fx.design, MONDAY, 60, "100.00", "Banner");
		JsonNode approval = fx.approvedApproval(api, context, MONDAY, MONDAY.plusDays(6), "PROJECT");
		String id = fx.manager.client(api).post("/api/v1/invoices/from-time",
				Map.of("approvalId", approval.get("id").asText())).json().get("id").asText();
		JsonNode sent = fx.manager.client(api).post("/api/v1/invoices/" + id + "/send", null).json();
		assertThat(sent.get("status").asText()).isEqualTo("SENT");

		GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		smtp.start();
		try {
			// the shared outbox may hold other tests' mail before ours; it goes out in batches
			for (int batch = 0; batch < 50 && pending(fx.contactEmail); batch++) {
				outbox.sendDue(sender(smtp.getSmtp().getPort()), Instant.now());
			}

			MimeMessage received = Arrays.stream(smtp.getReceivedMessages())
				.filter(m -> recipient(m).equals(fx.contactEmail)).findFirst().orElseThrow();
			assertThat(received.getSubject()).contains("Invoice " + sent.get("number").asText());
			byte[] attached = pdfAttachment((Multipart) received.getContent());
			assertThat(attached).isNotNull();
			String text = String.join("\n", pages(attached));
			assertThat(text).contains("Invoice " + sent.get("number").asText(), "Banner 1.00 100.00 100.00");
			assertThat(text.replace("\n", "")).contains(approval.get("snapshotHash").asText());
		}
		finally {
			smtp.stop();
		}
	}

	private boolean pending(String recipient) {
		return jdbc.sql("select count(*) from mail_outbox where recipient = ? and status = 'PENDING'").param(recipient)
			.query(Long.class).single() > 0;
	}

	private HttpResponse<byte[]> pdf(TestUsers.TestUser user, String id) throws Exception {
		String basic = Base64.getEncoder()
			.encodeToString((user.email() + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/invoices/" + id + "/pdf"))
			.header("Authorization", "Basic " + basic).header("Accept", "application/pdf, application/problem+json")
			.GET().build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
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

	private static String recipient(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (Exception ex) {
			return "";
		}
	}

	private static JavaMailSenderImpl sender(int port) {
		JavaMailSenderImpl mail = new JavaMailSenderImpl();
		mail.setHost("127.0.0.1");
		mail.setPort(port);
		return mail;
	}

	private static byte[] pdfAttachment(Multipart multipart) throws Exception {
		for (int i = 0; i < multipart.getCount(); i++) {
			BodyPart part = multipart.getBodyPart(i);
			if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && part.getFileName().endsWith(".pdf")) {
				try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
					in.transferTo(out);
					return out.toByteArray();
				}
			}
			if (part.getContent() instanceof Multipart nested) {
				byte[] found = pdfAttachment(nested);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}
}
