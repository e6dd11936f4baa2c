package com.nexustime.approval;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

import com.itextpdf.io.font.constants.StandardFonts;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.properties.TextAlignment;
import com.itextpdf.layout.properties.UnitValue;

import org.springframework.stereotype.Component;

/**
 * The timesheet PDF a client receives: workspace, contact, period, the lines as sent, totals and the snapshot
 * hash, rendered from the {@link ApprovalDocument} so that it never reads live entries.
 */
@Component
public class ApprovalPdf {

	public byte[] render(ApprovalDocument document) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PdfFont bold;
		try {
			bold = PdfFontFactory.createFont(StandardFonts.HELVETICA_BOLD);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the built-in Helvetica font is missing", ex);
		}
		try (PdfDocument pdf = new PdfDocument(new PdfWriter(out)); Document page = new Document(pdf)) {
			page.add(new Paragraph(document.workspaceName()).setFontSize(18).setFont(bold));
			page.add(new Paragraph("Timesheet for approval"));
			String company = document.contactCompany() == null ? "" : " (" + document.contactCompany() + ")";
			page.add(new Paragraph("Client: " + document.contactName() + company + " <" + document.contactEmail() + ">"));
			page.add(new Paragraph("Period: " + document.periodFrom() + " to " + document.periodTo() + " · grouped by "
					+ document.grouping().toLowerCase()));
			Table table = new Table(UnitValue.createPercentArray(new float[] { 25, 42, 10, 10, 13 }))
				.useAllAvailableWidth();
			for (String heading : new String[] { "Group", "Description", "Hours", "Rate", "Amount" }) {
				table.addHeaderCell(new Cell().add(new Paragraph(heading).setFont(bold)));
			}
			for (ApprovalDocument.Line line : document.lines()) {
				table.addCell(line.group());
				table.addCell(line.description());
				table.addCell(number(line.hours()));
				table.addCell(number(line.rate()));
				table.addCell(number(line.amount()));
			}
			table.addFooterCell(new Cell(1, 2).add(new Paragraph("Total").setFont(bold)));
			table.addFooterCell(number(document.totalHours()));
			table.addFooterCell("");
			table.addFooterCell(new Cell().add(new Paragraph(document.totalAmount().toPlainString() + " "
					+ document.currency()).setFont(bold).setTextAlignment(TextAlignment.RIGHT)));
			page.add(table);
			page.add(new Paragraph("Snapshot SHA-256: " + document.snapshotHash()).setFontSize(8));
		}
		return out.toByteArray();
	}

	private static String number(BigDecimal value) {
		return value == null ? "" : value.toPlainString();
	}
}
