package com.nexustime.crm;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What it takes to add a client: the body of {@code POST /contacts} and the fields of the contact form. */
public class ContactForm {

	@NotBlank(message = "Enter the client's name")
	@Size(max = 200, message = "Use at most 200 characters")
	private String name;

	@NotBlank(message = "Enter an email address")
	@Email(message = "Enter a valid email address, like name@example.com")
	@Size(max = 320, message = "Use at most 320 characters")
	private String email;

	@Size(max = 200, message = "Use at most 200 characters")
	private String company;

	/** The version the edit form was loaded with, so that a concurrent change is noticed, not overwritten. */
	private Integer version;

	static ContactForm of(Contact contact) {
		ContactForm form = new ContactForm();
		form.setName(contact.name());
		form.setEmail(contact.email());
		form.setCompany(contact.company());
		form.setVersion(contact.version());
		return form;
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

	public String getCompany() {
		return company;
	}

	public void setCompany(String company) {
		this.company = company;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}
}
