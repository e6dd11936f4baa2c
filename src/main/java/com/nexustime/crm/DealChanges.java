package com.nexustime.crm;

import java.math.BigDecimal;
import java.util.Optional;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code PATCH /deals/{id}}: left-out fields stay; {@code "amount": null} removes the amount. */
public class DealChanges {

	@Pattern(regexp = "(?s).*\\S.*", message = "The title must not be blank")
	@Size(max = 200, message = "Use at most 200 characters")
	private String title;

	private DealStage stage;

	private Optional<@DecimalMin(value = "0.00", message = "The amount cannot be negative")
	@Digits(integer = 12, fraction = 2, message = "Use at most 12 digits and 2 decimals") BigDecimal> amount;

	private Integer version;

	/** Every field of the edit form counts as changed. */
	static DealChanges of(DealForm form) {
		DealChanges changes = new DealChanges();
		changes.setTitle(form.getTitle());
		changes.setStage(form.getStage());
		changes.setAmount(Optional.ofNullable(form.getAmount()));
		changes.setVersion(form.getVersion());
		return changes;
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

	public Optional<BigDecimal> getAmount() {
		return amount;
	}

	public void setAmount(Optional<BigDecimal> amount) {
		this.amount = amount;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}
}
