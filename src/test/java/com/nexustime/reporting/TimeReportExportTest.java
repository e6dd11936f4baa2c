package com.nexustime.reporting;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import com.nexustime.support.IntegrationTest;

import static com.nexustime.reporting.ReportFixture.query;
import static org.assertj.core.api.Assertions.assertThat;

/** The report's CSV (for the accountant) and PNG chart (for the slide deck). */
class TimeReportExportTest extends IntegrationTest {

	/* One fixture per class for the tests that only read (fewer rows left for the tests that list everything). */
	private static ReportFixture shared;

	private ReportFixture f;

	private ReportDownloads downloads;

	@BeforeEach
	void fixture() {
		if (shared == null) {
			shared = new ReportFixture(api, admin(), jdbc);
		}
		f = shared;
		downloads = new ReportDownloads(port);
	}

	private HttpResponse<byte[]> download(String path, String accept) {
		return downloads.get(path, accept, ADMIN_EMAIL, ADMIN_PASSWORD);
	}

	private static List<CSVRecord> parse(String text) throws IOException {
		try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(text))) {
			assertThat(parser.getHeaderNames()).containsExactly("key", "name", "hours", "amount", "entries");
			return parser.getRecords();
		}
	}

	@Test
	void csvByContentNegotiationParsesBackToTheSameNumbers() throws IOException {
		String parameters = query("groupBy=client&userId=" + f.staff2.id());
		HttpResponse<byte[]> response = download("/api/v1/reports/time?" + parameters, "text/csv");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv")
			.containsIgnoringCase("charset=UTF-8");
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
			.isEqualTo("attachment; filename=\"time-report-2019-01-01-2019-12-31.csv\"");
		byte[] bytes = response.body();
		assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
		String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		assertThat(text).startsWith("key,name,hours,amount,entries\r\n");

		List<CSVRecord> records = parse(text);
		JsonNode json = admin().get("/api/v1/reports/time?" + parameters).json();
		assertThat(records).hasSize(json.get("rows").size() + 1);
		for (int i = 0; i < json.get("rows").size(); i++) {
			JsonNode row = json.get("rows").get(i);
			CSVRecord record = records.get(i);
			assertThat(record.get("key")).isEqualTo(row.get("key").asText());
			assertThat(record.get("hours")).isEqualTo(row.get("hours").asText());
			assertThat(record.get("amount")).isEqualTo(row.get("amount").asText());
			assertThat(record.get("entries")).isEqualTo(row.get("entries").asText());
		}
		CSVRecord total = records.get(records.size() - 1);
		assertThat(total.get("key")).isEmpty();
		assertThat(total.get("name")).isEqualTo("Total");
		assertThat(total.get("hours")).isEqualTo("2.33");
		assertThat(total.get("amount")).isEqualTo("365.25");
		assertThat(total.get("entries")).isEqualTo("3");
	}

	@Test
	void csvQuotesNamesWithCommasAndQuotesAndDisarmsFormulas() throws IOException {
		HttpResponse<byte[]> response = download("/api/v1/reports/time.csv?"
				+ query("groupBy=client&userId=" + f.staff2.id()), "*/*");
		assertThat(response.statusCode()).isEqualTo(200);
		String text = new String(response.body(), StandardCharsets.UTF_8).substring(1);
		assertThat(text).contains(f.clientA + ",\"Acme, \"\"Quoted\"\" " + f.unique + "\",2.00,240.00,1\r\n");
		assertThat(text).as("numbers are plain and unquoted; the formula gets an apostrophe")
			.contains(f.clientB + ",'=SUM(1+1) Bravo " + f.unique + ",0.33,125.25,2\r\n");
		List<CSVRecord> records = parse(text);
		assertThat(records.get(0).get("name")).isEqualTo(f.clientAName);
		assertThat(records.get(1).get("name")).isEqualTo("'" + f.clientBName);
	}

	@Test
	void csvOfANegativeAmountIsAPlainNumber() throws IOException {
		HttpResponse<byte[]> response = download("/api/v1/reports/time.csv?"
				+ query("groupBy=user&projectId=" + f.a2), "text/csv");
		List<CSVRecord> records = parse(new String(response.body(), StandardCharsets.UTF_8).substring(1));
		assertThat(records).extracting(r -> r.get("amount")).containsExactly("60.00", "-10.00", "50.00");
	}

	@Test
	void csvKeepsANameWithALineBreakInOneCell() throws IOException {
		TimeReport report = new TimeReport(ReportGrouping.PROJECT, ReportFixture.YEAR_START, ReportFixture.YEAR_END,
				null, null, null, "EUR", false, List.of(new TimeReport.Row("7", "Line one\nLine \"two\"", 90,
						new java.math.BigDecimal("1.50"), new java.math.BigDecimal("1234.50"), 2)),
				90, new java.math.BigDecimal("1.50"), new java.math.BigDecimal("1234.50"), 2);
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		ReportCsv.write(report, out);
		String text = out.toString(StandardCharsets.UTF_8);
		assertThat(text).isEqualTo("\uFEFFkey,name,hours,amount,entries\r\n7,\"Line one\nLine \"\"two\"\"\",1.50,1234.50,2\r\n"
				+ "\"\",Total,1.50,1234.50,2\r\n");
		List<CSVRecord> records = parse(text.substring(1));
		assertThat(records.get(0).get("name")).isEqualTo("Line one\nLine \"two\"");
		assertThat(records.get(0).get("amount")).isEqualTo("1234.50");
	}

	@Test
	void csvRequestsWithBadParametersGetProblemJson() {
		HttpResponse<byte[]> response = download("/api/v1/reports/time?groupBy=week", "text/csv");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"field\":\"groupBy\"");
	}

	@Test
	void formulaGuard() {
		assertThat(ReportCsv.textCell("=1+1")).isEqualTo("'=1+1");
		assertThat(ReportCsv.textCell("+49 30")).isEqualTo("'+49 30");
		assertThat(ReportCsv.textCell("-minus")).isEqualTo("'-minus");
		assertThat(ReportCsv.textCell("@home")).isEqualTo("'@home");
		assertThat(ReportCsv.textCell("\tTab")).isEqualTo("'\tTab");
		assertThat(ReportCsv.textCell("Acme = good")).isEqualTo("Acme = good");
		assertThat(ReportCsv.textCell("")).isEmpty();
	}

	@Test
	void pngIsAnImageOfTheRequestedSize() throws IOException {
		HttpResponse<byte[]> response = download("/api/v1/reports/time.png?"
				+ query("groupBy=project&contactId=" + f.clientA + "&width=640&height=360"), "image/png");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
		assertThat(response.body().length).isGreaterThan(2_000);
		// kept for a look by eye: target/report-chart-sample.png
		java.nio.file.Files.write(java.nio.file.Path.of("target", "report-chart-sample.png"), response.body());
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
		assertThat(image).isNotNull();
		assertThat(image.getWidth()).isEqualTo(640);
		assertThat(image.getHeight()).isEqualTo(360);
		assertThat(distinctColours(image)).as("something is drawn").isGreaterThan(10);

		BufferedImage defaults = ImageIO.read(new ByteArrayInputStream(download("/api/v1/reports/time.png?"
				+ query("contactId=" + f.clientA), "*/*").body()));
		assertThat(defaults.getWidth()).isEqualTo(800);
		assertThat(defaults.getHeight()).isEqualTo(450);
		BufferedImage empty = ImageIO.read(new ByteArrayInputStream(download("/api/v1/reports/time.png?"
				+ query("maxRate=0&contactId=" + f.clientA + "&width=200&height=2000"), "image/png").body()));
		assertThat(empty.getWidth()).as("an empty report still draws").isEqualTo(200);
		assertThat(empty.getHeight()).isEqualTo(2000);
	}

	@Test
	void pngSizesOutsideTheBoundsAnswer400() {
		for (String size : List.of("width=199", "height=2001", "width=abc", "height=-5")) {
			HttpResponse<byte[]> response = download("/api/v1/reports/time.png?" + size, "image/png");
			assertThat(response.statusCode()).as(size).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
			assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains(size.substring(0, size.indexOf('=')));
		}
		assertThat(download("/api/v1/reports/time.png?groupBy=week", "image/png").statusCode()).isEqualTo(400);
	}

	@Test
	void chartSumsTheRowsBeyondTheTopTenIntoOther() {
		List<TimeReport.Row> rows = new java.util.ArrayList<>();
		for (int i = 0; i < 13; i++) {
			rows.add(new TimeReport.Row(String.valueOf(i), "P" + i, 60, new java.math.BigDecimal("1.00"),
					new java.math.BigDecimal(100 - i + ".00"), 1));
		}
		TimeReport report = new TimeReport(ReportGrouping.PROJECT, ReportFixture.YEAR_START, ReportFixture.YEAR_END,
				null, null, null, "EUR", false, rows, 780, new java.math.BigDecimal("13.00"),
				new java.math.BigDecimal("1222.00"), 13);
		List<ReportChart.Bar> bars = ReportChart.bars(report);
		assertThat(bars).hasSize(11);
		assertThat(bars.get(10).label()).isEqualTo("Other");
		assertThat(bars.get(10).amount()).isEqualByComparingTo("267.00");
	}

	private static int distinctColours(BufferedImage image) {
		java.util.Set<Integer> colours = new java.util.HashSet<>();
		for (int x = 0; x < image.getWidth(); x += 3) {
			for (int y = 0; y < image.getHeight(); y += 3) {
				colours.add(image.getRGB(x, y));
			}
		}
		return colours.size();
	}
}
