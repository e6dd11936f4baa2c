package com.nexustime.crm;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

import com.nexustime.system.web.Inputs;

/** A client: the person or company that projects are done for, that approves hours and receives invoices. */
public record Contact(@Id Long id, String name, String email, String company, @Version Integer version) {

	static Contact create(ContactForm form) {
		return new Contact(null, form.getName().trim(), form.getEmail().trim(), Inputs.blankToNull(form.getCompany()), null);
	}

	Contact apply(ContactChanges changes) {
		return new Contact(id,
				changes.getName() != null ? changes.getName().trim() : name,
				changes.getEmail() != null ? changes.getEmail().trim() : email,
				changes.getCompany() != null ? changes.getCompany().map(Inputs::blankToNull).orElse(null) : company,
				changes.getVersion() != null ? changes.getVersion() : version);
	}
}
