package com.nexustime.catalog;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.audit.AuditLog;
import com.nexustime.crm.ContactService;
import com.nexustime.crm.Deal;
import com.nexustime.crm.DealService;
import com.nexustime.system.web.NotFoundException;
import com.nexustime.system.web.RuleViolationException;

/**
 * Projects: each belongs to an existing client, and its deal (if any) must be one of that client's deals.
 * Every change is audited.
 */
@Service
@Transactional(readOnly = true)
public class ProjectService {

	private final ProjectRepository projects;

	private final ContactService contacts;

	private final DealService deals;

	private final ProjectManagers managers;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	ProjectService(ProjectRepository projects, ContactService contacts, DealService deals, ProjectManagers managers,
			AuditLog audit, ApplicationEventPublisher events) {
		this.projects = projects;
		this.contacts = contacts;
		this.deals = deals;
		this.managers = managers;
		this.audit = audit;
		this.events = events;
	}

	/** All projects, or those of one client when {@code contactId} is given. */
	public List<Project> list(Long contactId) {
		return contactId == null ? projects.findAllByOrderByNameAscIdAsc()
				: projects.findByContactIdOrderByNameAscIdAsc(contactId);
	}

	public Project get(Long id) {
		return projects.findById(id).orElseThrow(() -> new NotFoundException("Project", id));
	}

	@Transactional
	public Project create(ProjectForm form) {
		if (!contacts.exists(form.getContactId())) {
			throw new RuleViolationException("contactId", "There is no client with id " + form.getContactId());
		}
		checkDeal(form.getDealId(), form.getContactId());
		checkManager(form.getManagerId());
		Project saved = projects.save(Project.create(form));
		audit.record("CREATE", "Project", saved.id(), null, saved);
		return saved;
	}

	@Transactional
	public Project change(Long id, ProjectChanges changes) {
		Project before = get(id);
		if (changes.getDealId() != null) {
			checkDeal(changes.getDealId().orElse(null), before.contactId());
		}
		if (changes.getManagerId() != null) {
			checkManager(changes.getManagerId().orElse(null));
		}
		Project after = projects.save(before.apply(changes));
		audit.record("UPDATE", "Project", id, before, after);
		if (before.status() != after.status()) {
			// listeners run synchronously, in this transaction
			events.publishEvent(new ProjectStatusChanged(id, before.status(), after.status()));
		}
		return after;
	}

	List<ProjectManagers.Manager> managers() {
		return managers.all();
	}

	private void checkDeal(Long dealId, Long contactId) {
		if (dealId == null) {
			return;
		}
		Deal deal = deals.find(dealId)
			.orElseThrow(() -> new RuleViolationException("dealId", "There is no deal with id " + dealId));
		if (!deal.contactId().equals(contactId)) {
			throw new RuleViolationException("dealId", "Deal " + dealId + " belongs to another client");
		}
	}

	private void checkManager(Long managerId) {
		if (managerId != null && !managers.isManager(managerId)) {
			throw new RuleViolationException("managerId",
					"User " + managerId + " is not an active manager or administrator");
		}
	}
}
