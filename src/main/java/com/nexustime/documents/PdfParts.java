package com.nexustime.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.itextpdf.kernel.colors.Color;
import com.itextpdf.kernel.colors.DeviceRgb;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.layout.borders.Border;
import com.itextpdf.layout.borders.SolidBorder;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.properties.TextAlignment;

/** The pieces the timesheet and the invoice PDFs share, so both documents look like one house style. */
public final class PdfParts {

	public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	public static final Color RULE = new DeviceRgb(0xd0, 0xd7, 0xde);

	public static final Color MUTED = new DeviceRgb(0x57, 0x60, 0x6a);

	private PdfParts() {
	}

	public static Color color(BrandColor brand) {
		return new DeviceRgb(brand.red(), brand.green(), brand.blue());
	}

	/** A table cell with a thin rule below. */
	public static Cell cell(String text, TextAlignment alignment) {
		return new Cell().add(new Paragraph(text)).setTextAlignment(alignment).setBorder(Border.NO_BORDER)
			.setBorderBottom(new SolidBorder(RULE, 0.5f));
	}

	/** A total row's cell, with a rule in the brand colour above. */
	public static Cell total(Paragraph content, TextAlignment alignment, Color brand) {
		return new Cell().add(content).setTextAlignment(alignment).setBorder(Border.NO_BORDER)
			.setBorderTop(new SolidBorder(brand, 1.5f));
	}

	/** One "label: value" row of a document's header facts. */
	public static void fact(Table facts, PdfFont bold, String label, String value) {
		facts.addCell(new Cell().add(new Paragraph(label).setFont(bold)).setBorder(Border.NO_BORDER).setPadding(1));
		facts.addCell(new Cell().add(new Paragraph(value == null ? "" : value)).setBorder(Border.NO_BORDER)
			.setPadding(1));
	}

	/** "Name, Company <email>", leaving out what is blank. */
	public static String contactLine(String name, String company, String email) {
		StringBuilder contact = new StringBuilder(name);
		if (company != null && !company.isBlank()) {
			contact.append(", ").append(company);
		}
		if (email != null && !email.isBlank()) {
			contact.append(" <").append(email).append('>');
		}
		return contact.toString();
	}

	/** Two decimals, plain digits; blank for lines without hours or rate. */
	public static String decimal(BigDecimal value) {
		return value == null ? "" : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
	}
}
