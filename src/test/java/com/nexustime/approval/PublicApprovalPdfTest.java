package com.nexustime.approval;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;

import static com.nexustime.approval.ApprovalFixture.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;

/** Once the client approved, the approval link offers the signed timesheet's PDF; before that it offers none. */
class PublicApprovalPdfTest extends IntegrationTest {

	@Autowired
	RepositoryService repository;

	@Test
	void afterApprovingTheClientDownloadsTheSignedTimesheetPdf() throws Exception {
		ApprovalFixture.ensureProcess(repository);
		ApprovalFixture fx = new ApprovalFixture(jdbc);
		fx.entry(fx.website, fx.design, MONDAY, 90, "100.00", "Home page layout");
		Api.Client owner = fx.staff.client(api);
		Api.Response created = owner.post("/api/v1/approvals", fx.request(MONDAY, MONDAY.plusDays(6), "PROJECT"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		String link = "http://localhost:" + port + URI.create(ApprovalFixture.mailedLink(context, id)).getPath();
		PublicLinkClient client = new PublicLinkClient(null, "Pdf/1.0");

		String pending = client.get(link).body();
		assertThat(pending).doesNotContain("Download the approved timesheet PDF");
		assertThat(download(link + "/pdf").statusCode()).as("no PDF before a decision").isEqualTo(404);

		PublicLinkClient.Page approved = client.post(link + "/approve", Map.of("signature", "Dana Buyer"));
		assertThat(approved.body()).contains("Download the approved timesheet PDF", "/pdf");
		assertThat(client.get(link).body()).contains("Download the approved timesheet PDF");

		HttpResponse<byte[]> pdf = download(link + "/pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		JsonNode approval = owner.get("/api/v1/approvals/" + id).json();
		assertThat(CanonicalSnapshot.sha256(pdf.body())).as("the PDF as sent and signed")
			.isEqualTo(approval.get("pdfHash").asText());
		StringBuilder text = new StringBuilder();
		try (PdfDocument read = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf.body())))) {
			for (int i = 1; i <= read.getNumberOfPages(); i++) {
				text.append(PdfTextExtractor.getTextFromPage(read.getPage(i)));
			}
		}
		assertThat(text.toString().replace("\n", "")).contains(approval.get("snapshotHash").asText());

		// a tampered link still reveals nothing
		String tampered = link.substring(0, link.length() - 1) + (link.endsWith("A") ? "B" : "A");
		assertThat(download(tampered + "/pdf").statusCode()).isEqualTo(404);
	}

	@Test
	void aDeclinedApprovalOffersNoPdf() throws Exception {
		ApprovalFixture.ensureProcess(repository);
		ApprovalFixture fx = new ApprovalFixture(jdbc);
		fx.entry(fx.website, fx.design, MONDAY, 60, "100.00", "Banner");
		long id = fx.staff.client(api).post("/api/v1/approvals", fx.request(MONDAY, MONDAY.plusDays(6), "PROJECT")).json()
			.get("id").asLong();
		String link = "http://localhost:" + port + URI.create(ApprovalFixture.mailedLink(context, id)).getPath();
		PublicLinkClient client = new PublicLinkClient(null, "Pdf/1.0");
		client.get(link);
		assertThat(client.post(link + "/decline", Map.of("reason", "Wrong week")).body())
			.doesNotContain("Download the approved timesheet PDF");
		assertThat(download(link + "/pdf").statusCode()).isEqualTo(404);
	}

	private static HttpResponse<byte[]> download(String url) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}
}
