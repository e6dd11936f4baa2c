package com.nexustime.crm;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.audit.AuditLog;
import com.nexustime.system.web.NotFoundException;
import com.nexustime.system.web.RuleViolationException;

/** Deals with clients; a deal always belongs to an existing contact. */
@Service
@Transactional(readOnly = true)
public class DealService {

	private final DealRepository deals;

	private final ContactService contacts;

	private final AuditLog audit;

	DealService(DealRepository deals, ContactService contacts, AuditLog audit) {
		this.deals = deals;
		this.contacts = contacts;
		this.audit = audit;
	}

	/** All deals, or those of one client when {@code contactId} is given. */
	public List<Deal> list(Long contactId) {
		return contactId == null ? deals.findAllByOrderByIdDesc() : deals.findByContactIdOrderByIdDesc(contactId);
	}

	public Deal get(Long id) {
		return find(id).orElseThrow(() -> new NotFoundException("Deal", id));
	}

	public Optional<Deal> find(Long id) {
		return id == null ? Optional.empty() : deals.findById(id);
	}

	@Transactional
	public Deal create(DealForm form) {
		if (!contacts.exists(form.getContactId())) {
			throw new RuleViolationException("contactId", "There is no client with id " + form.getContactId());
		}
		Deal saved = deals.save(Deal.create(form));
		audit.record("CREATE", "Deal", saved.id(), null, saved);
		return saved;
	}

	@Transactional
	public Deal change(Long id, DealChanges changes) {
		Deal before = get(id);
		Deal after = deals.save(before.apply(changes));
		audit.record("UPDATE", "Deal", id, before, after);
		return after;
	}
}
