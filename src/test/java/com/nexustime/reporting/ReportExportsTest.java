package com.nexustime.reporting;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV and PNG downloads of the utilization, profitability and client-billing reports, and the entries CSV. */
class ReportExportsTest extends IntegrationTest {

	private static final String JUNE = "from=2017-06-01&to=2017-06-30";

	@Autowired
	TimeReports timeReports;

	private MoneyFixture m;

	private ReportDownloads downloads;

	@BeforeEach
	void fixture() {
		m = new MoneyFixture(new ReportFixture(api, admin(), jdbc));
		downloads = new ReportDownloads(port);
	}

	private HttpResponse<byte[]> admin(String path) {
		return downloads.get(path, "*/*", ADMIN_EMAIL, ADMIN_PASSWORD);
	}

	private static String csv(HttpResponse<byte[]> response, String fileName) {
		assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv")
			.containsIgnoringCase("charset=UTF-8");
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
			.isEqualTo("attachment; filename=\"" + fileName + "\"");
		assertThat(response.body()).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
		return new String(response.body(), StandardCharsets.UTF_8).substring(1);
	}

	private static BufferedImage png(HttpResponse<byte[]> response, String fileName) throws IOException {
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
			.isEqualTo("inline; filename=\"" + fileName + "\"");
		return ImageIO.read(new ByteArrayInputStream(response.body()));
	}

	@Test
	void profitabilityCsvHasPlainNumbersAndATotal() {
		String text = csv(admin("/api/v1/reports/profitability.csv?" + JUNE + "&contactId=" + m.client),
				"profitability-2017-06-01-2017-06-30.csv");
		List<String> lines = text.lines().toList();
		assertThat(lines.get(0)).isEqualTo("projectId,name,client,budget,value,cost,margin,marginPercent,"
				+ "budgetUsedPercent,hours,timeCost,fixedCost,hoursWithoutCostRate");
		assertThat(lines.get(1)).isEqualTo(m.p1 + ",Money one " + m.f.unique + "," + m.clientName
				+ ",1000.00,425.00,235.00,190.00,44.71,42.50,3.50,160.00,75.00,0.50");
		assertThat(lines.get(3)).isEqualTo("\"\",Total,,,525.00,285.00,240.00,45.71,,,,,");
	}

	@Test
	void utilizationCsvIsOneLinePerPersonWithATotal() {
		HttpResponse<byte[]> response = downloads.get("/api/v1/reports/utilization.csv?" + JUNE, "text/csv",
				m.staff.email(), TestUsers.PASSWORD);
		List<String> lines = csv(response, "utilization-2017-06-01-2017-06-30.csv").lines().toList();
		assertThat(lines.get(0)).isEqualTo("userId,name,weeklyHours,capacityHours,hours,billableHours,utilization");
		assertThat(lines).hasSize(3);
		assertThat(lines.get(1)).startsWith(m.staff.id() + ",").contains(",4.00,4.00,");
		assertThat(lines.get(2)).startsWith("\"\",Total,,");
	}

	@Test
	void clientBillingCsvGuardsNamesThatLookLikeFormulas() {
		String text = csv(admin("/api/v1/reports/client-billing.csv?from=2019-01-01&to=2019-12-31&contactId="
				+ m.f.clientB), "client-billing-2019-01-01-2019-12-31.csv");
		List<String> lines = text.lines().toList();
		assertThat(lines.get(0)).isEqualTo("contactId,client,projectId,project,billed,finalized,notBilled,"
				+ "notBilledFixed,notBilledAdjustments,total");
		assertThat(lines.get(1)).isEqualTo(m.f.clientB + ",'=SUM(1+1) Bravo " + m.f.unique + "," + m.f.b1
				+ ",Bravo one " + m.f.unique + ",0.00,0.00,50.00,75.25,0.00,0.00");
	}

	@Test
	void theEntriesCsvHoldsEachEntryOfTheFilter() {
		HttpResponse<byte[]> response = admin("/api/v1/reports/entries.csv?from=2019-01-01&to=2019-12-31&contactId="
				+ m.f.clientA + "&groupBy=category&category=DESIGN_CREATIVE");
		List<String> lines = csv(response, "entries-2019-01-01-2019-12-31.csv").lines().toList();
		assertThat(lines.get(0)).isEqualTo("id,date,type,userId,person,projectId,project,client,activity,category,"
				+ "description,minutes,hours,rate,amount,billable,status");
		assertThat(lines).hasSize(5);
		assertThat(response.headers().firstValue("X-Entry-Count")).hasValue("4");
		// the client's name has a comma and quotes: quoted, quotes doubled
		assertThat(lines.get(1)).contains(",\"Acme, \"\"Quoted\"\" " + m.f.unique + "\",")
			.contains(",Design / creative,").contains(",90,1.50,100.00,150.00,true,OPEN");
	}

	@Test
	void theEntriesCsvKeepsNegativeAmountsAsNumbersAndGuardsText() {
		HttpResponse<byte[]> response = admin("/api/v1/reports/entries.csv?from=2019-01-01&to=2019-12-31&contactId="
				+ m.f.clientB);
		String text = csv(response, "entries-2019-01-01-2019-12-31.csv");
		assertThat(text).contains(",'=SUM(1+1) Bravo " + m.f.unique + ",");
		HttpResponse<byte[]> adjustments = admin("/api/v1/reports/entries.csv?from=2019-01-01&to=2019-12-31&projectId="
				+ m.f.a2);
		assertThat(csv(adjustments, "entries-2019-01-01-2019-12-31.csv")).contains(",-10.00,true,OPEN");
	}

	@Test
	void staffExportOnlyTheirOwnEntries() {
		HttpResponse<byte[]> response = downloads.get("/api/v1/reports/entries.csv?from=2019-01-01&to=2019-12-31",
				"text/csv", m.f.staff1.email(), TestUsers.PASSWORD);
		List<String> lines = csv(response, "entries-2019-01-01-2019-12-31.csv").lines().toList();
		assertThat(lines).hasSize(4);
		assertThat(lines.subList(1, 4)).allMatch(line -> line.contains("," + m.f.staff1.id() + ","));
	}

	@Test
	void anExportAboveTheLimitIsRefusedWithAClearProblem() {
		int before = timeReports.exportLimit(3);
		try {
			HttpResponse<byte[]> response = admin("/api/v1/reports/entries.csv?from=2019-01-01&to=2019-12-31&contactId="
					+ m.f.clientA);
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
			String body = new String(response.body(), StandardCharsets.UTF_8);
			assertThat(body).contains("\"field\":\"from\"").contains("matches 5 entries").contains("at most 3");
		}
		finally {
			timeReports.exportLimit(before);
		}
	}

	@Test
	void chartsArePngsOfTheAskedSize() throws IOException {
		BufferedImage utilization = png(admin("/api/v1/reports/utilization.png?" + JUNE + "&userId=" + m.staff.id()
				+ "&width=640&height=360"), "utilization-2017-06-01-2017-06-30.png");
		assertThat(utilization.getWidth()).isEqualTo(640);
		assertThat(utilization.getHeight()).isEqualTo(360);
		BufferedImage profitability = png(admin("/api/v1/reports/profitability.png?" + JUNE + "&contactId=" + m.client),
				"profitability-2017-06-01-2017-06-30.png");
		assertThat(profitability.getWidth()).isEqualTo(ReportChart.DEFAULT_WIDTH);
		BufferedImage billing = png(admin("/api/v1/reports/client-billing.png?" + JUNE + "&contactId=" + m.client),
				"client-billing-2017-06-01-2017-06-30.png");
		assertThat(billing.getHeight()).isEqualTo(ReportChart.DEFAULT_HEIGHT);
	}

	@Test
	void aChartTooLargeIsRefusedByField() {
		HttpResponse<byte[]> response = admin("/api/v1/reports/profitability.png?" + JUNE + "&width=5000");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"field\":\"width\"");
	}
}
