package com.nexustime.catalog;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /projects} and the fields of the project form. A new project is always ACTIVE;
 * {@code status} is only read by the edit form.
 */
public class ProjectForm {

	@NotBlank(message = "Enter the project's name")
	@Size(max = 200, message = "Use at most 200 characters")
	private String name;

	@NotNull(message = "Choose the client")
	private Long contactId;

	private Long dealId;

	@NotNull(message = "Choose the project type")
	private ProjectType type;

	/** HOURLY when left out. */
	private BillingMode billingMode;

	private ProjectStatus status;

	@Size(max = 100, message = "Use at most 100 characters")
	private String corporation;

	@DecimalMin(value = "0.00", message = "The budget cannot be negative")
	@Digits(integer = 12, fraction = 2, message = "Use at most 12 digits and 2 decimals")
	private BigDecimal budgetAmount;

	private Long managerId;

	private Integer version;

	static ProjectForm of(Project project) {
		ProjectForm form = new ProjectForm();
		form.setName(project.name());
		form.setContactId(project.contactId());
		form.setDealId(project.dealId());
		form.setType(project.type());
		form.setBillingMode(project.billingMode());
		form.setStatus(project.status());
		form.setCorporation(project.corporation());
		form.setBudgetAmount(project.budgetAmount());
		form.setManagerId(project.managerId());
		form.setVersion(project.version());
		return form;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Long getContactId() {
		return contactId;
	}

	public void setContactId(Long contactId) {
		this.contactId = contactId;
	}

	public Long getDealId() {
		return dealId;
	}

	public void setDealId(Long dealId) {
		this.dealId = dealId;
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

	public ProjectStatus getStatus() {
		return status;
	}

	public void setStatus(ProjectStatus status) {
		this.status = status;
	}

	public String getCorporation() {
		return corporation;
	}

	public void setCorporation(String corporation) {
		this.corporation = corporation;
	}

	public BigDecimal getBudgetAmount() {
		return budgetAmount;
	}

	public void setBudgetAmount(BigDecimal budgetAmount) {
		this.budgetAmount = budgetAmount;
	}

	public Long getManagerId() {
		return managerId;
	}

	public void setManagerId(Long managerId) {
		this.managerId = managerId;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}
}
