package com.nexustime.catalog;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code PATCH /vendors/{id}}: left-out fields stay as they are. */
public record VendorChanges(
		@Pattern(regexp = "(?s).*\\S.*", message = "The name must not be blank")
		@Size(max = 200, message = "Use at most 200 characters") String name,
		Boolean active, Integer version) {

	/** Every field of the edit form counts as changed; an unticked checkbox is "false". */
	static VendorChanges of(VendorForm form) {
		return new VendorChanges(form.getName(), Boolean.TRUE.equals(form.getActive()), form.getVersion());
	}
}
