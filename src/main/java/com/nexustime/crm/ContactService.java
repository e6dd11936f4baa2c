package com.nexustime.crm;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.audit.AuditLog;
import com.nexustime.system.web.NotFoundException;

/** Clients: adding, changing and finding them; every change is audited. */
@Service
@Transactional(readOnly = true)
public class ContactService {

	private final ContactRepository contacts;

	private final AuditLog audit;

	ContactService(ContactRepository contacts, AuditLog audit) {
		this.contacts = contacts;
		this.audit = audit;
	}

	public List<Contact> list() {
		return contacts.findAllByOrderByNameAscIdAsc();
	}

	public Contact get(Long id) {
		return contacts.findById(id).orElseThrow(() -> new NotFoundException("Contact", id));
	}

	public boolean exists(Long id) {
		return id != null && contacts.existsById(id);
	}

	@Transactional
	public Contact create(ContactForm form) {
		Contact saved = contacts.save(Contact.create(form));
		audit.record("CREATE", "Contact", saved.id(), null, saved);
		return saved;
	}

	@Transactional
	public Contact change(Long id, ContactChanges changes) {
		Contact before = get(id);
		Contact after = contacts.save(before.apply(changes));
		audit.record("UPDATE", "Contact", id, before, after);
		return after;
	}
}
