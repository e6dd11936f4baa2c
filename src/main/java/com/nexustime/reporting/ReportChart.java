package com.nexustime.reporting;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The report as a bar chart (amount per row), drawn on the server so that the page and the slide deck show the
 * same picture. The largest {@link #TOP_ROWS} rows get their own bar; the rest are summed into "Other".
 */
final class ReportChart {

	static final int TOP_ROWS = 10;

	static final int MIN_SIZE = 200;

	static final int MAX_SIZE = 2000;

	static final int DEFAULT_WIDTH = 800;

	static final int DEFAULT_HEIGHT = 450;

	static final String OTHER = "Other";

	private static final Color BAR = new Color(0x1f, 0x6f, 0xeb);

	static {
		// no display on a server; Spring Boot sets this too, but the chart must not depend on who started the JVM
		if (System.getProperty("java.awt.headless") == null) {
			System.setProperty("java.awt.headless", "true");
		}
	}

	private ReportChart() {
	}

	/** Category label and amount of each bar, in the report's order, with "Other" last. */
	record Bar(String label, BigDecimal amount) {
	}

	static List<Bar> bars(TimeReport report) {
		List<TimeReport.Row> rows = report.rows();
		List<Bar> bars = new java.util.ArrayList<>();
		for (TimeReport.Row row : rows.subList(0, Math.min(rows.size(), TOP_ROWS))) {
			bars.add(new Bar(row.name(), row.amount()));
		}
		if (rows.size() > TOP_ROWS) {
			BigDecimal rest = rows.subList(TOP_ROWS, rows.size()).stream().map(TimeReport.Row::amount)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			bars.add(new Bar(OTHER, rest));
		}
		return bars;
	}

	static void write(TimeReport report, int width, int height, OutputStream out) throws IOException {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		List<Bar> bars = bars(report);
		for (int i = 0; i < bars.size(); i++) {
			// two rows may share a name (two people called Sam): the column key must stay unique
			data.addValue(bars.get(i).amount(), "Amount", new Label(i, bars.get(i).label()));
		}
		String title = "Time by " + report.groupBy().label().toLowerCase(Locale.ROOT) + ", " + report.from() + " to "
				+ report.to();
		JFreeChart chart = ChartFactory.createBarChart(title, null, "Amount (" + report.currency() + ")", data,
				PlotOrientation.VERTICAL, false, false, false);
		chart.setBackgroundPaint(Color.WHITE);
		chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
		if (bars.isEmpty()) {
			chart.addSubtitle(new TextTitle("No entries in this period"));
		}
		else {
			chart.addSubtitle(new TextTitle("Total " + report.totalAmount().toPlainString() + " " + report.currency()
					+ " · " + report.totalHours().toPlainString() + " h"));
		}
		CategoryPlot plot = chart.getCategoryPlot();
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
		plot.setOutlineVisible(false);
		BarRenderer renderer = (BarRenderer) plot.getRenderer();
		renderer.setBarPainter(new StandardBarPainter());
		renderer.setShadowVisible(false);
		renderer.setSeriesPaint(0, BAR);
		renderer.setMaximumBarWidth(0.12);
		NumberAxis amounts = (NumberAxis) plot.getRangeAxis();
		amounts.setNumberFormatOverride(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
		CategoryAxis names = plot.getDomainAxis();
		names.setMaximumCategoryLabelLines(2);
		if (bars.size() > 5) {
			names.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
		}
		ChartUtils.writeChartAsPNG(out, chart, width, height);
	}

	/** A category of the chart: unique by position, shown by name. */
	private record Label(int position, String name) implements Comparable<Label> {

		@Override
		public int compareTo(Label other) {
			return Integer.compare(position, other.position);
		}

		@Override
		public String toString() {
			return name;
		}
	}
}
