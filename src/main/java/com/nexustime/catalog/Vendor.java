package com.nexustime.catalog;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/** A supplier whose services (printing, stock photography, courier) are booked as fixed costs. */
public record Vendor(@Id Long id, String name, Boolean active, @Version Integer version) {

	static Vendor create(VendorForm form) {
		return new Vendor(null, form.getName().trim(), form.getActive() != null ? form.getActive() : Boolean.TRUE, null);
	}

	Vendor apply(VendorChanges changes) {
		return new Vendor(id, changes.name() != null ? changes.name().trim() : name,
				changes.active() != null ? changes.active() : active,
				changes.version() != null ? changes.version() : version);
	}
}
