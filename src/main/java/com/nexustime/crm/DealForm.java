package com.nexustime.crm;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /deals} and the fields of the deal form. */
public class DealForm {

	@NotNull(message = "Choose the client")
	private Long contactId;

	@NotBlank(message = "Enter a title")
	@Size(max = 200, message = "Use at most 200 characters")
	private String title;

	/** OPEN when left out. */
	private DealStage stage;

	@DecimalMin(value = "0.00", message = "The amount cannot be negative")
	@Digits(integer = 12, fraction = 2, message = "Use at most 12 digits and 2 decimals")
	private BigDecimal amount;

	private Integer version;

	static DealForm of(Deal deal) {
		DealForm form = new DealForm();
		form.setContactId(deal.contactId());
		form.setTitle(deal.title());
		form.setStage(deal.stage());
		form.setAmount(deal.amount());
		form.setVersion(deal.version());
		return form;
	}

	public Long getContactId() {
		return contactId;
	}

	public void setContactId(Long contactId) {
		this.contactId = contactId;
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public DealStage getStage() {
		return stage;
	}

	public void setStage(DealStage stage) {
		this.stage = stage;
	}

	public BigDecimal getAmount() {
		return amount;
	}

	public void setAmount(BigDecimal amount) {
		this.amount = amount;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}
}
