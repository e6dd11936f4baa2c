package com.nexustime.catalog;

import java.util.Optional;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code PATCH /activities/{id}}: left-out fields stay; {@code "corporation": null} opens it to all. */
public class ActivityChanges {

	@Pattern(regexp = "(?s).*\\S.*", message = "The name must not be blank")
	@Size(max = 200, message = "Use at most 200 characters")
	private String name;

	private ActivityCategory category;

	private Boolean billable;

	private Optional<@Size(max = 100, message = "Use at most 100 characters") String> corporation;

	private Boolean active;

	private Integer version;

	/** Every field of the edit form counts as changed; an unticked checkbox is "false", not "unchanged". */
	static ActivityChanges of(ActivityForm form) {
		ActivityChanges changes = new ActivityChanges();
		changes.setName(form.getName());
		changes.setCategory(form.getCategory());
		changes.setBillable(Boolean.TRUE.equals(form.getBillable()));
		changes.setCorporation(Optional.ofNullable(form.getCorporation()));
		changes.setActive(Boolean.TRUE.equals(form.getActive()));
		changes.setVersion(form.getVersion());
		return changes;
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

	public Optional<String> getCorporation() {
		return corporation;
	}

	public void setCorporation(Optional<String> corporation) {
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
