package com.nexustime.billing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What to invoice: an approved client approval ({@code approvalId}), or a client's finalized entries in a date
 * range ({@code contactId}, {@code from}, {@code to}) — one or the other; {@code send} sends it at once. Body of
 * {@code POST /invoices/from-time} and {@code POST /invoices/preview}, and the "New invoice from time" form.
 */
@InvoiceRequest.OneSource
public class InvoiceRequest {

	private Long approvalId;

	private Long contactId;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate from;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate to;

	/** Send the invoice to the client as soon as it is made, in the same transaction ("convert and send"). */
	private boolean send;

	boolean fromApproval() {
		return approvalId != null;
	}

	public Long getApprovalId() {
		return approvalId;
	}

	public void setApprovalId(Long approvalId) {
		this.approvalId = approvalId;
	}

	public Long getContactId() {
		return contactId;
	}

	public void setContactId(Long contactId) {
		this.contactId = contactId;
	}

	public LocalDate getFrom() {
		return from;
	}

	public void setFrom(LocalDate from) {
		this.from = from;
	}

	public LocalDate getTo() {
		return to;
	}

	public void setTo(LocalDate to) {
		this.to = to;
	}

	public boolean isSend() {
		return send;
	}

	public void setSend(boolean send) {
		this.send = send;
	}

	/** Either an approval, or a client with both days; the errors name the missing or extra fields. */
	@Documented
	@Constraint(validatedBy = OneSourceValidator.class)
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	public @interface OneSource {

		String message() default "give either approvalId, or contactId with from and to";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};
	}

	static class OneSourceValidator implements ConstraintValidator<OneSource, InvoiceRequest> {

		@Override
		public boolean isValid(InvoiceRequest request, ConstraintValidatorContext context) {
			if (request == null) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			boolean valid = true;
			if (request.approvalId != null) {
				for (String field : new String[] { "contactId", "from", "to" }) {
					if (value(request, field) != null) {
						valid = problem(context, field, "leave out when invoicing an approval (approvalId)");
					}
				}
				return valid;
			}
			if (request.contactId == null && request.from == null && request.to == null) {
				return problem(context, "approvalId", "give the approval, or a client (contactId) with from and to");
			}
			if (request.contactId == null) {
				valid = problem(context, "contactId", "choose the client");
			}
			if (request.from == null) {
				valid = problem(context, "from", "give the first day");
			}
			if (request.to == null) {
				valid = problem(context, "to", "give the last day");
			}
			return valid;
		}

		private static Object value(InvoiceRequest request, String field) {
			return switch (field) {
				case "contactId" -> request.contactId;
				case "from" -> request.from;
				default -> request.to;
			};
		}

		private static boolean problem(ConstraintValidatorContext context, String field, String message) {
			context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
			return false;
		}
	}
}
