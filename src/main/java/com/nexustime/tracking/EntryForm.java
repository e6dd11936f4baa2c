package com.nexustime.tracking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The manual-entry form as typed: hours as "1.5" or "1:30", or a start and end time on the date. */
public class EntryForm {

	@NotNull(message = "is required")
	private EntryType type = EntryType.ACTIVITY;

	@NotNull(message = "is required")
	private LocalDate date;

	private String hours;

	private LocalTime startTime;

	private LocalTime endTime;

	@NotNull(message = "choose a project")
	private Long projectId;

	private Long activityId;

	@Size(max = 2000, message = "must be at most 2000 characters")
	private String description;

	/** Null when the form did not send the field: the activity's flag then decides. */
	private Boolean billable;

	/** Only for invoice-budget projects: the entry is tracked for cost and never billed. */
	private boolean notInvoiced;

	@Digits(integer = 12, fraction = 2, message = "must be an amount of at most 12 digits before the point and 2 after")
	private BigDecimal amount;

	private Long vendorId;

	@Size(max = 2000, message = "must be at most 2000 characters")
	private String notes;

	/** The purchase order the entry counts against; empty for the project's first one. */
	private Long purchaseOrderId;

	public Long getPurchaseOrderId() {
		return purchaseOrderId;
	}

	public void setPurchaseOrderId(Long purchaseOrderId) {
		this.purchaseOrderId = purchaseOrderId;
	}

	public EntryType getType() {
		return type;
	}

	public void setType(EntryType type) {
		this.type = type;
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

	public LocalTime getStartTime() {
		return startTime;
	}

	public void setStartTime(LocalTime startTime) {
		this.startTime = startTime;
	}

	public LocalTime getEndTime() {
		return endTime;
	}

	public void setEndTime(LocalTime endTime) {
		this.endTime = endTime;
	}

	public Long getProjectId() {
		return projectId;
	}

	public void setProjectId(Long projectId) {
		this.projectId = projectId;
	}

	public Long getActivityId() {
		return activityId;
	}

	public void setActivityId(Long activityId) {
		this.activityId = activityId;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public boolean isNotInvoiced() {
		return notInvoiced;
	}

	public void setNotInvoiced(boolean notInvoiced) {
		this.notInvoiced = notInvoiced;
	}

	public Boolean getBillable() {
		return billable;
	}

	public void setBillable(Boolean billable) {
		this.billable = billable;
	}

	public BigDecimal getAmount() {
		return amount;
	}

	public void setAmount(BigDecimal amount) {
		this.amount = amount;
	}

	public Long getVendorId() {
		return vendorId;
	}

	public void setVendorId(Long vendorId) {
		this.vendorId = vendorId;
	}

	public String getNotes() {
		return notes;
	}

	public void setNotes(String notes) {
		this.notes = notes;
	}

	/** The artwork a per-piece entry is for; empty for none. */
	private Long artworkId;

	public Long getArtworkId() {
		return artworkId;
	}

	public void setArtworkId(Long artworkId) {
		this.artworkId = artworkId;
	}
}
