package com.nexustime.approval;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** What the owner sends for approval: a client, a date range, a grouping and a message (API body and page form). */
public class ApprovalRequest {

	@NotNull(message = "choose the client")
	private Long contactId;

	@NotNull(message = "give the first day")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate from;

	@NotNull(message = "give the last day")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate to;

	@NotNull(message = "choose PROJECT, TASK, USER or DAY")
	private Grouping grouping = Grouping.PROJECT;

	@Size(max = 4000, message = "at most 4000 characters")
	private String message;

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

	public Grouping getGrouping() {
		return grouping;
	}

	public void setGrouping(Grouping grouping) {
		this.grouping = grouping;
	}

	public String getMessage() {
		return message;
	}

	public void setMessage(String message) {
		this.message = message;
	}
}
