package com.nexustime.catalog;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

import com.nexustime.system.web.Inputs;

/**
 * What time is booked on. A corporation restricts the activity to that corporation's projects; an inactive
 * activity is offered nowhere but stays on the entries that used it.
 */
public record Activity(@Id Long id, String name, ActivityCategory category, Boolean billable, String corporation,
		Boolean active, @Version Integer version) {

	static Activity create(ActivityForm form) {
		return new Activity(null, form.getName().trim(), form.getCategory(),
				form.getBillable() != null ? form.getBillable() : Boolean.TRUE, Inputs.blankToNull(form.getCorporation()),
				form.getActive() != null ? form.getActive() : Boolean.TRUE, null);
	}

	Activity apply(ActivityChanges changes) {
		return new Activity(id,
				changes.getName() != null ? changes.getName().trim() : name,
				changes.getCategory() != null ? changes.getCategory() : category,
				changes.getBillable() != null ? changes.getBillable() : billable,
				changes.getCorporation() != null ? changes.getCorporation().map(Inputs::blankToNull).orElse(null)
						: corporation,
				changes.getActive() != null ? changes.getActive() : active,
				changes.getVersion() != null ? changes.getVersion() : version);
	}
}
