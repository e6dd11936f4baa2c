package com.nexustime.catalog;

import java.math.BigDecimal;
import java.util.Optional;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PATCH /projects/{id}}: a field left out stays as it is; an explicit null removes an
 * optional value (deal, corporation, budget, manager), which is why those are Optional. The client of a
 * project does not change.
 */
public class ProjectChanges {

	@Pattern(regexp = "(?s).*\\S.*", message = "The name must not be blank")
	@Size(max = 200, message = "Use at most 200 characters")
	private String name;

	private ProjectStatus status;

	private ProjectType type;

	private BillingMode billingMode;

	private Optional<@Size(max = 100, message = "Use at most 100 characters") String> corporation;

	private Optional<@DecimalMin(value = "0.00", message = "The budget cannot be negative")
	@Digits(integer = 12, fraction = 2, message = "Use at most 12 digits and 2 decimals") BigDecimal> budgetAmount;

	private Optional<Long> managerId;

	private Optional<Long> dealId;

	private Integer version;

	/** Every field of the edit form counts as changed. */
	static ProjectChanges of(ProjectForm form) {
		ProjectChanges changes = new ProjectChanges();
		changes.setName(form.getName());
		changes.setStatus(form.getStatus());
		changes.setType(form.getType());
		changes.setBillingMode(form.getBillingMode());
		changes.setCorporation(Optional.ofNullable(form.getCorporation()));
		changes.setBudgetAmount(Optional.ofNullable(form.getBudgetAmount()));
		changes.setManagerId(Optional.ofNullable(form.getManagerId()));
		changes.setDealId(Optional.ofNullable(form.getDealId()));
		changes.setVersion(form.getVersion());
		return changes;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public ProjectStatus getStatus() {
		return status;
	}

	public void setStatus(ProjectStatus status) {
		this.status = status;
	}

	public ProjectType getType() {
		return type;
	}

	public void setType(ProjectType type) {
		this.type = type;
	}

	public BillingMode getBillingMode() {
		return billingMode;
	}

	public void setBillingMode(BillingMode billingMode) {
		this.billingMode = billingMode;
	}

	public Optional<String> getCorporation() {
		return corporation;
	}

	public void setCorporation(Optional<String> corporation) {
		this.corporation = corporation;
	}

	public Optional<BigDecimal> getBudgetAmount() {
		return budgetAmount;
	}

	public void setBudgetAmount(Optional<BigDecimal> budgetAmount) {
		this.budgetAmount = budgetAmount;
	}

	public Optional<Long> getManagerId() {
		return managerId;
	}

	public void setManagerId(Optional<Long> managerId) {
		this.managerId = managerId;
	}

	public Optional<Long> getDealId() {
		return dealId;
	}

	public void setDealId(Optional<Long> dealId) {
		this.dealId = dealId;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}
}
