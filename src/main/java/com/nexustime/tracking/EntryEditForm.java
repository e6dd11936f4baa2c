package com.nexustime.tracking;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The "Edit entry" page's form for one hours entry: what a person corrects after the fact. The project stays
 * (moving time to another project is a new entry); {@code version} is the one the page showed, so a change made
 * meanwhile elsewhere is refused rather than overwritten.
 */
public class EntryEditForm {

	@NotNull(message = "choose an activity")
	private Long activityId;

	@NotNull(message = "is required")
	private LocalDate date;

	@NotNull(message = "enter hours (1.5 or 1:30)")
	private String hours;

	@Size(max = 2000, message = "must be at most 2000 characters")
	private String description;

	/**
	 * The box as posted: true or false when the form sent it (the page's checkbox always sends its {@code _billable}
	 * marker, so an unticked box is false); null when the post names neither, which keeps the entry's flag.
	 */
	private Boolean billable;

	/** Offered only on invoice-budget projects; null when the form did not send it (kept as it is). */
	private Boolean notInvoiced;

	private int version;

	static EntryEditForm of(TimeEntry entry) {
		EntryEditForm form = new EntryEditForm();
		form.activityId = entry.activityId();
		form.date = entry.date();
		form.hours = entry.hours() == null ? null : entry.hours().stripTrailingZeros().toPlainString();
		form.description = entry.description();
		form.billable = entry.billable();
		form.notInvoiced = entry.notInvoiced();
		form.version = entry.version();
		return form;
	}

	public Long getActivityId() {
		return activityId;
	}

	public void setActivityId(Long activityId) {
		this.activityId = activityId;
	}

	public LocalDate getDate() {
		return date;
	}

	public void setDate(LocalDate date) {
		this.date = date;
	}

	public String getHours() {
		return hours;
	}

	public void setHours(String hours) {
		this.hours = hours;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public Boolean getBillable() {
		return billable;
	}

	public void setBillable(Boolean billable) {
		this.billable = billable;
	}

	public Boolean getNotInvoiced() {
		return notInvoiced;
	}

	public void setNotInvoiced(Boolean notInvoiced) {
		this.notInvoiced = notInvoiced;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}
}
