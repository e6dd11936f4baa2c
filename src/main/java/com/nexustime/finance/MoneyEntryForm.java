package com.nexustime.finance;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.nexustime.tracking.TimeEntry;

/** The edit form of one fixed cost or adjustment on the project's Time tab. */
public class MoneyEntryForm {

	@NotNull(message = "is required")
	private LocalDate date;

	@NotNull(message = "is required")
	@Digits(integer = 12, fraction = 2, message = "must be an amount of at most 12 digits before the point and 2 after")
	private BigDecimal amount;

	@Size(max = 2000, message = "must be at most 2000 characters")
	private String notes;

	private Integer version;

	/** Shown and saved only on invoice-budget projects. */
	private boolean notInvoiced;

	static MoneyEntryForm of(TimeEntry entry) {
		MoneyEntryForm form = new MoneyEntryForm();
		form.setDate(entry.date());
		form.setAmount(entry.amount());
		form.setNotes(entry.notes());
		form.setVersion(entry.version());
		form.setNotInvoiced(entry.notInvoiced());
		return form;
	}

	public LocalDate getDate() {
		return date;
	}

	public void setDate(LocalDate date) {
		this.date = date;
	}

	public BigDecimal getAmount() {
		return amount;
	}

	public void setAmount(BigDecimal amount) {
		this.amount = amount;
	}

	public String getNotes() {
		return notes;
	}

	public void setNotes(String notes) {
		this.notes = notes;
	}

	public boolean isNotInvoiced() {
		return notInvoiced;
	}

	public void setNotInvoiced(boolean notInvoiced) {
		this.notInvoiced = notInvoiced;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}
}
