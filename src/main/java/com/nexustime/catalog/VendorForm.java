package com.nexustime.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /vendors} and the fields of the vendor form. */
public class VendorForm {

	@NotBlank(message = "Enter the vendor's name")
	@Size(max = 200, message = "Use at most 200 characters")
	private String name;

	/** true when left out. */
	private Boolean active;

	private Integer version;

	static VendorForm of(Vendor vendor) {
		VendorForm form = new VendorForm();
		form.setName(vendor.name());
		form.setActive(vendor.active());
		form.setVersion(vendor.version());
		return form;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
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
