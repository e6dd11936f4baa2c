package com.nexustime.crm;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.audit.AuditLog;
import com.nexustime.system.web.ConflictException;
import com.nexustime.system.web.NotFoundException;

/** Clients: adding, changing and finding them; every change is audited. */
@Service
@Transactional(readOnly = true)
public class ContactService {

	private final ContactRepository contacts;

	private final AuditLog audit;

	private final PendingClientRequests approvals;

	ContactService(ContactRepository contacts, AuditLog audit, PendingClientRequests approvals) {
		this.contacts = contacts;
		this.audit = audit;
		this.approvals = approvals;
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

	/**
	 * Changes a client; 409 for a new email address while a client approval waits for the client's decision (its
	 * link went to the old address, which the approval keeps). Checked after the row is written: a send of the
	 * same client waits for that row lock, so neither slips past the other.
	 */
	@Transactional
	public Contact change(Long id, ContactChanges changes) {
		Contact before = get(id);
		Contact after = contacts.save(before.apply(changes));
		if (!after.email().equalsIgnoreCase(before.email())) {
			List<String> pending = approvals.pendingFor(id);
			if (!pending.isEmpty()) {
				throw new ConflictException("the email cannot change while " + String.join(", ", pending)
						+ " waits for the client: its link went to " + before.email()
						+ "; cancel the request first, or let the client decide");
			}
		}
		audit.record("UPDATE", "Contact", id, before, after);
		return after;
	}
}
