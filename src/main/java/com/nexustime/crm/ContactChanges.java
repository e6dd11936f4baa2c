package com.nexustime.crm;

import java.util.Optional;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PATCH /contacts/{id}}: a field left out stays as it is; {@code "company": null} removes
 * the company (hence the Optional, which tells "absent" from "null").
 */
public class ContactChanges {

	@Pattern(regexp = "(?s).*\\S.*", message = "The name must not be blank")
	@Size(max = 200, message = "Use at most 200 characters")
	private String name;

	@Pattern(regexp = "(?s).*\\S.*", message = "The email must not be blank")
	@Email(message = "Enter a valid email address, like name@example.com")
	@Size(max = 320, message = "Use at most 320 characters")
	private String email;

	private Optional<@Size(max = 200, message = "Use at most 200 characters") String> company;

	private Integer version;

	/** Every field of the edit form counts as changed. */
	static ContactChanges of(ContactForm form) {
		ContactChanges changes = new ContactChanges();
		changes.setName(form.getName());
		changes.setEmail(form.getEmail());
		changes.setCompany(Optional.ofNullable(form.getCompany()));
		changes.setVersion(form.getVersion());
		return changes;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public Optional<String> getCompany() {
		return company;
	}

	public void setCompany(Optional<String> company) {
		this.company = company;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}
}
