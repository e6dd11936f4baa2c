package com.nexustime.approval;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

import com.itextpdf.io.font.constants.StandardFonts;
import com.itextpdf.kernel.colors.Color;
import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.colors.DeviceRgb;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfDocumentInfo;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.borders.Border;
import com.itextpdf.layout.borders.SolidBorder;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.properties.TextAlignment;
import com.itextpdf.layout.properties.UnitValue;
import com.itextpdf.layout.properties.VerticalAlignment;

import org.springframework.stereotype.Component;

import com.nexustime.documents.BrandColor;
import com.nexustime.documents.PdfParts;

import static com.nexustime.documents.PdfParts.DAY;
import static com.nexustime.documents.PdfParts.MUTED;
import static com.nexustime.documents.PdfParts.RULE;
import static com.nexustime.documents.PdfParts.cell;
import static com.nexustime.documents.PdfParts.contactLine;
import static com.nexustime.documents.PdfParts.decimal;
import static com.nexustime.documents.PdfParts.fact;
import static com.nexustime.documents.PdfParts.total;

/**
 * The timesheet PDF the client receives: the workspace in its brand colour, who and what period it is for, the
 * lines grouped exactly as sent with a subtotal per group, the totals, the owner's message, and on every page the
 * snapshot hash the client's signature will refer to.
 */
@Component
public class ApprovalPdf {

	private static final Color GROUP_BACKGROUND = new DeviceRgb(0xf3, 0xf4, 0xf6);

	public byte[] render(ApprovalDocument document) {
		try {
			return write(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not render the PDF of approval " + document.approvalId(), ex);
		}
	}

	private byte[] write(ApprovalDocument doc) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PdfFont regular = PdfFontFactory.createFont(StandardFonts.HELVETICA);
		PdfFont bold = PdfFontFactory.createFont(StandardFonts.HELVETICA_BOLD);
		Color brand = PdfParts.color(BrandColor.of(doc.brandColor()));

		PdfDocument pdf = new PdfDocument(new PdfWriter(out));
		PdfDocumentInfo info = pdf.getDocumentInfo();
		info.setTitle("Timesheet for approval — " + doc.workspaceName());
		info.setAuthor(doc.workspaceName());
		info.setSubject("Snapshot SHA-256: " + doc.snapshotHash());
		// immediate flush off: the footers are drawn on every page once the number of pages is known
		try (Document page = new Document(pdf, PageSize.A4, false)) {
			page.setFont(regular).setFontSize(10);
			page.setMargins(48, 48, 64, 48);

			page.add(new Paragraph(doc.workspaceName()).setFont(bold).setFontSize(20).setFontColor(brand)
				.setMarginBottom(0));
			page.add(new Paragraph("Timesheet for approval").setFont(bold).setFontSize(14).setMarginTop(2));

			Table facts = new Table(UnitValue.createPercentArray(new float[] { 1, 3 })).useAllAvailableWidth()
				.setMarginBottom(12);
			fact(facts, bold, "Contact", contactLine(doc.contactName(), doc.contactCompany(), doc.contactEmail()));
			fact(facts, bold, "Period", DAY.format(doc.periodFrom()) + " – " + DAY.format(doc.periodTo()));
			fact(facts, bold, "Grouped by", grouping(doc.grouping()));
			fact(facts, bold, "From", doc.ownerName());
			page.add(facts);

			page.add(lines(doc, bold, brand));

			if (doc.message() != null && !doc.message().isBlank()) {
				page.add(new Paragraph("Message from " + doc.ownerName()).setFont(bold).setMarginTop(16)
					.setMarginBottom(2));
				page.add(new Paragraph(doc.message()));
			}

			int pages = pdf.getNumberOfPages();
			for (int number = 1; number <= pages; number++) {
				float width = pdf.getPage(number).getPageSize().getWidth();
				page.showTextAligned(new Paragraph("Snapshot SHA-256: " + doc.snapshotHash()).setFontSize(7)
					.setFontColor(MUTED), 48, 30, number, TextAlignment.LEFT, VerticalAlignment.BOTTOM, 0);
				page.showTextAligned(new Paragraph("Page " + number + " of " + pages).setFontSize(7)
					.setFontColor(MUTED), width - 48, 30, number, TextAlignment.RIGHT, VerticalAlignment.BOTTOM, 0);
			}
		}
		return out.toByteArray();
	}

	private static Table lines(ApprovalDocument doc, PdfFont bold, Color brand) {
		Table table = new Table(UnitValue.createPercentArray(new float[] { 5, 1.2f, 1.4f, 1.6f })).useAllAvailableWidth();
		for (String heading : new String[] { "Description", "Hours", "Rate", "Amount (" + doc.currency() + ")" }) {
			table.addHeaderCell(new Cell().add(new Paragraph(heading).setFont(bold).setFontColor(ColorConstants.WHITE))
				.setBackgroundColor(brand).setBorder(Border.NO_BORDER)
				.setTextAlignment(heading.equals("Description") ? TextAlignment.LEFT : TextAlignment.RIGHT));
		}
		String group = null;
		BigDecimal groupHours = BigDecimal.ZERO;
		BigDecimal groupAmount = BigDecimal.ZERO;
		for (ApprovalDocument.Line line : doc.lines()) {
			if (!Objects.equals(line.group(), group)) {
				if (group != null) {
					subtotal(table, group, groupHours, groupAmount);
				}
				group = line.group();
				groupHours = BigDecimal.ZERO;
				groupAmount = BigDecimal.ZERO;
				table.addCell(new Cell(1, 4).add(new Paragraph(group).setFont(bold)).setBackgroundColor(GROUP_BACKGROUND)
					.setBorder(Border.NO_BORDER).setBorderTop(new SolidBorder(RULE, 0.5f)));
			}
			groupHours = groupHours.add(line.hours() == null ? BigDecimal.ZERO : line.hours());
			groupAmount = groupAmount.add(line.amount());
			table.addCell(cell(line.description(), TextAlignment.LEFT));
			table.addCell(cell(decimal(line.hours()), TextAlignment.RIGHT));
			table.addCell(cell(decimal(line.rate()), TextAlignment.RIGHT));
			table.addCell(cell(decimal(line.amount()), TextAlignment.RIGHT));
		}
		if (group != null) {
			subtotal(table, group, groupHours, groupAmount);
		}
		table.addCell(total(new Paragraph("Total").setFont(bold), TextAlignment.LEFT, brand));
		table.addCell(total(new Paragraph(decimal(doc.totalHours())).setFont(bold), TextAlignment.RIGHT, brand));
		table.addCell(total(new Paragraph(""), TextAlignment.RIGHT, brand));
		table.addCell(total(new Paragraph(decimal(doc.totalAmount())).setFont(bold), TextAlignment.RIGHT, brand));
		return table;
	}

	private static void subtotal(Table table, String group, BigDecimal hours, BigDecimal amount) {
		table.addCell(cell("Subtotal " + group, TextAlignment.LEFT).setFontColor(MUTED));
		table.addCell(cell(decimal(hours), TextAlignment.RIGHT).setFontColor(MUTED));
		table.addCell(cell("", TextAlignment.RIGHT));
		table.addCell(cell(decimal(amount), TextAlignment.RIGHT).setFontColor(MUTED));
	}

	static String grouping(String grouping) {
		return switch (grouping == null ? "" : grouping) {
			case "PROJECT" -> "project";
			case "TASK" -> "task";
			case "USER" -> "person";
			case "DAY" -> "day";
			default -> String.valueOf(grouping).toLowerCase(Locale.ROOT);
		};
	}
}
