package com.nexustime.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /activities} and the fields of the activity form. */
public class ActivityForm {

	@NotBlank(message = "Enter the activity's name")
	@Size(max = 200, message = "Use at most 200 characters")
	private String name;

	@NotNull(message = "Choose a category")
	private ActivityCategory category;

	/** true when left out. */
	private Boolean billable;

	@Size(max = 100, message = "Use at most 100 characters")
	private String corporation;

	/** true when left out. */
	private Boolean active;

	private Integer version;

	static ActivityForm of(Activity activity) {
		ActivityForm form = new ActivityForm();
		form.setName(activity.name());
		form.setCategory(activity.category());
		form.setBillable(activity.billable());
		form.setCorporation(activity.corporation());
		form.setActive(activity.active());
		form.setVersion(activity.version());
		return form;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public ActivityCategory getCategory() {
		return category;
	}

	public void setCategory(ActivityCategory category) {
		this.category = category;
	}

	public Boolean getBillable() {
		return billable;
	}

	public void setBillable(Boolean billable) {
		this.billable = billable;
	}

	public String getCorporation() {
		return corporation;
	}

	public void setCorporation(String corporation) {
		this.corporation = corporation;
	}

	public Boolean getActive() {
		return active;
	}

	public void setActive(Boolean active) {
		this.active = active;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}
}
