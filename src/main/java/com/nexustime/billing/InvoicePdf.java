package com.nexustime.billing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.itextpdf.io.font.constants.StandardFonts;
import com.itextpdf.kernel.colors.Color;
import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.borders.Border;
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
import static com.nexustime.documents.PdfParts.cell;
import static com.nexustime.documents.PdfParts.contactLine;
import static com.nexustime.documents.PdfParts.decimal;
import static com.nexustime.documents.PdfParts.fact;
import static com.nexustime.documents.PdfParts.total;

/**
 * The invoice as a PDF: the workspace in its brand colour, the client, number, issue date and period, the lines
 * and the total; for an invoice made from a client approval, the number of that approval and the hash of the
 * snapshot the client signed. A voided invoice says so in its title. It prints no address: the client opens the
 * invoice online from the link in the invoice mail, and the PDF is also what staff download.
 */
@Component
class InvoicePdf {

	byte[] render(InvoiceDocument document) {
		try {
			return write(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not render invoice " + document.invoice().number(), ex);
		}
	}

	private byte[] write(InvoiceDocument doc) throws IOException {
		Invoice invoice = doc.invoice();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PdfFont regular = PdfFontFactory.createFont(StandardFonts.HELVETICA);
		PdfFont bold = PdfFontFactory.createFont(StandardFonts.HELVETICA_BOLD);
		Color brand = PdfParts.color(BrandColor.of(doc.brandColor()));

		PdfDocument pdf = new PdfDocument(new PdfWriter(out));
		pdf.getDocumentInfo().setTitle("Invoice " + invoice.number() + " — " + doc.workspaceName());
		pdf.getDocumentInfo().setAuthor(doc.workspaceName());
		try (Document page = new Document(pdf, PageSize.A4, false)) {
			page.setFont(regular).setFontSize(10);
			page.setMargins(48, 48, 64, 48);

			page.add(new Paragraph(doc.workspaceName()).setFont(bold).setFontSize(20).setFontColor(brand)
				.setMarginBottom(0));
			String title = "Invoice " + invoice.number() + ("VOID".equals(invoice.status()) ? " (VOID)" : "");
			page.add(new Paragraph(title).setFont(bold).setFontSize(14).setMarginTop(2));

			Table facts = new Table(UnitValue.createPercentArray(new float[] { 1, 3 })).useAllAvailableWidth()
				.setMarginBottom(12);
			fact(facts, bold, "Bill to", contactLine(doc.contactName(), doc.contactCompany(), doc.contactEmail()));
			fact(facts, bold, "Invoice number", invoice.number());
			fact(facts, bold, "Issue date", DAY.format(invoice.issueDate()));
			fact(facts, bold, "Period", DAY.format(invoice.periodFrom()) + " – " + DAY.format(invoice.periodTo()));
			if (invoice.approvalId() != null) {
				// never an address: the owner's approval page needs a login, and the client's links are secret
				fact(facts, bold, "Approved hours", "Timesheet approval " + invoice.approvalId()
						+ ", signed by the client (snapshot below)");
			}
			page.add(facts);

			page.add(lines(invoice, bold, brand));

			if (invoice.voidReason() != null) {
				page.add(new Paragraph("Voided: " + invoice.voidReason()).setMarginTop(12));
			}
			page.add(new Paragraph("To view invoice " + invoice.number() + " online, open it from the link in the "
					+ "invoice mail sent to " + doc.contactName() + ".").setFontSize(8).setFontColor(MUTED)
				.setMarginTop(16));
			if (invoice.snapshotHash() != null) {
				page.add(new Paragraph("These hours were approved by the client; snapshot SHA-256: "
						+ invoice.snapshotHash()).setFontSize(8).setFontColor(MUTED).setMarginTop(16));
			}

			int pages = pdf.getNumberOfPages();
			for (int number = 1; number <= pages; number++) {
				float width = pdf.getPage(number).getPageSize().getWidth();
				page.showTextAligned(new Paragraph(doc.senderName() + " · Invoice " + invoice.number()).setFontSize(7)
					.setFontColor(MUTED), 48, 30, number, TextAlignment.LEFT, VerticalAlignment.BOTTOM, 0);
				page.showTextAligned(new Paragraph("Page " + number + " of " + pages).setFontSize(7)
					.setFontColor(MUTED), width - 48, 30, number, TextAlignment.RIGHT, VerticalAlignment.BOTTOM, 0);
			}
		}
		return out.toByteArray();
	}

	private static Table lines(Invoice invoice, PdfFont bold, Color brand) {
		Table table = new Table(UnitValue.createPercentArray(new float[] { 5, 1.2f, 1.4f, 1.6f })).useAllAvailableWidth();
		for (String heading : new String[] { "Description", "Hours", "Rate", "Amount (" + invoice.currency() + ")" }) {
			table.addHeaderCell(new Cell().add(new Paragraph(heading).setFont(bold).setFontColor(ColorConstants.WHITE))
				.setBackgroundColor(brand).setBorder(Border.NO_BORDER)
				.setTextAlignment(heading.equals("Description") ? TextAlignment.LEFT : TextAlignment.RIGHT));
		}
		for (Invoice.Line line : invoice.lines()) {
			table.addCell(cell(line.description(), TextAlignment.LEFT));
			table.addCell(cell(decimal(line.hours()), TextAlignment.RIGHT));
			table.addCell(cell(decimal(line.rate()), TextAlignment.RIGHT));
			table.addCell(cell(decimal(line.amount()), TextAlignment.RIGHT));
		}
		table.addCell(total(new Paragraph("Total").setFont(bold), TextAlignment.LEFT, brand));
		table.addCell(total(new Paragraph(""), TextAlignment.RIGHT, brand));
		table.addCell(total(new Paragraph(""), TextAlignment.RIGHT, brand));
		table.addCell(total(new Paragraph(invoice.currency() + " " + decimal(invoice.total())).setFont(bold),
				TextAlignment.RIGHT, brand));
		return table;
	}
}
