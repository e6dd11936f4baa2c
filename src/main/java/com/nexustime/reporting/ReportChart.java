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

	/* Told apart by people with a colour-vision deficiency (Okabe–Ito, darkened for white backgrounds). */
	private static final Color[] PALETTE = { BAR, new Color(0xd5, 0x5e, 0x00), new Color(0x00, 0x72, 0x5a),
			new Color(0x6a, 0x3d, 0x9a) };

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
		List<Bar> bars = bars(report);
		String title = "Time by " + report.groupBy().label().toLowerCase(Locale.ROOT) + ", " + report.from() + " to "
				+ report.to();
		String subtitle = bars.isEmpty() ? "No entries in this period"
				: "Total " + report.totalAmount().toPlainString() + " " + report.currency() + " · "
						+ report.totalHours().toPlainString() + " h";
		write(new Figure(title, subtitle, "Amount (" + report.currency() + ")",
				bars.stream().map(Bar::label).toList(),
				List.of(new Series("Amount", bars.stream().map(Bar::amount).toList()))), width, height, out);
	}

	/** One named series of values, one value per label. */
	record Series(String name, List<BigDecimal> values) {
	}

	/** What a chart shows: labels along the bottom and one or more series of bars over them. */
	record Figure(String title, String subtitle, String axis, List<String> labels, List<Series> series) {

		/** The first {@link #TOP_ROWS} labels keep their bars; the rest are summed into "Other". */
		Figure top() {
			if (labels.size() <= TOP_ROWS) {
				return this;
			}
			List<String> kept = new java.util.ArrayList<>(labels.subList(0, TOP_ROWS));
			kept.add(OTHER);
			List<Series> summed = series.stream().map(s -> {
				List<BigDecimal> values = new java.util.ArrayList<>(s.values().subList(0, TOP_ROWS));
				values.add(s.values().subList(TOP_ROWS, s.values().size()).stream()
					.map(v -> v == null ? BigDecimal.ZERO : v).reduce(BigDecimal.ZERO, BigDecimal::add));
				return new Series(s.name(), values);
			}).toList();
			return new Figure(title, subtitle, axis, kept, summed);
		}
	}

	static void write(Figure figure, int width, int height, OutputStream out) throws IOException {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		for (Series series : figure.series()) {
			for (int i = 0; i < figure.labels().size(); i++) {
				// two rows may share a name (two people called Sam): the column key must stay unique
				data.addValue(series.values().get(i), series.name(), new Label(i, figure.labels().get(i)));
			}
		}
		boolean legend = figure.series().size() > 1;
		JFreeChart chart = ChartFactory.createBarChart(figure.title(), null, figure.axis(), data,
				PlotOrientation.VERTICAL, legend, false, false);
		chart.setBackgroundPaint(Color.WHITE);
		chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
		if (figure.subtitle() != null) {
			chart.addSubtitle(new TextTitle(figure.subtitle()));
		}
		List<String> bars = figure.labels();
		CategoryPlot plot = chart.getCategoryPlot();
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
		plot.setOutlineVisible(false);
		BarRenderer renderer = (BarRenderer) plot.getRenderer();
		renderer.setBarPainter(new StandardBarPainter());
		renderer.setShadowVisible(false);
		for (int i = 0; i < figure.series().size(); i++) {
			renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
		}
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
