package com.nexustime.catalog;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.nexustime.crm.Contact;
import com.nexustime.crm.ContactService;
import com.nexustime.crm.Deal;
import com.nexustime.crm.DealService;
import com.nexustime.system.web.ConflictException;
import com.nexustime.system.web.NotFoundException;
import com.nexustime.system.web.RuleViolationException;

/** The project pages: list by client, the add/edit form, and the detail page with purchase orders and artworks. */
@Controller
@RequestMapping("/projects")
class ProjectPageController {

	private static final String FORM = "projects/form";

	private static final String DETAIL = "projects/detail";

	private static final String EDITORS = "hasAnyRole('ADMIN','MANAGER')";

	private final ProjectService projects;

	private final PurchaseOrderService purchaseOrders;

	private final ArtworkService artworks;

	private final ContactService contacts;

	private final DealService deals;

	private final ArtworkPricing artworkPricing;

	ProjectPageController(ProjectService projects, PurchaseOrderService purchaseOrders, ArtworkService artworks,
			ContactService contacts, DealService deals, ArtworkPricing artworkPricing) {
		this.artworkPricing = artworkPricing;
		this.projects = projects;
		this.purchaseOrders = purchaseOrders;
		this.artworks = artworks;
		this.contacts = contacts;
		this.deals = deals;
	}

	@GetMapping
	String list(@RequestParam(required = false) Long contactId, Model model) {
		model.addAttribute("projects", projects.list(contactId));
		model.addAttribute("contactId", contactId);
		addClients(model);
		return "projects/list";
	}

	@GetMapping("/new")
	@PreAuthorize(EDITORS)
	String newForm(@RequestParam(required = false) Long contactId, Model model) {
		ProjectForm form = new ProjectForm();
		form.setContactId(contactId);
		form.setType(ProjectType.STANDARD);
		form.setBillingMode(BillingMode.HOURLY);
		model.addAttribute("form", form);
		addChoices(model);
		return FORM;
	}

	@PostMapping
	@PreAuthorize(EDITORS)
	String create(@Valid @ModelAttribute("form") ProjectForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Project created = projects.create(form);
				redirect.addFlashAttribute("message", "Project " + created.name() + " added.");
				return "redirect:/projects/" + created.id();
			}
			catch (RuleViolationException ex) {
				result.rejectValue(ex.field(), "rule", ex.getMessage());
			}
		}
		addChoices(model);
		return FORM;
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize(EDITORS)
	String editForm(@PathVariable Long id, Model model) {
		model.addAttribute("projectId", id);
		model.addAttribute("form", ProjectForm.of(projects.get(id)));
		addChoices(model);
		return FORM;
	}

	@PostMapping("/{id}")
	@PreAuthorize(EDITORS)
	String change(@PathVariable Long id, @Valid @ModelAttribute("form") ProjectForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				projects.change(id, ProjectChanges.of(form));
				redirect.addFlashAttribute("message", "Project saved.");
				return "redirect:/projects/" + id;
			}
			catch (RuleViolationException ex) {
				result.rejectValue(ex.field(), "rule", ex.getMessage());
			}
			catch (OptimisticLockingFailureException ex) {
				result.reject("stale", "Someone else changed this project meanwhile; reload the page to see their change.");
			}
		}
		model.addAttribute("projectId", id);
		addChoices(model);
		return FORM;
	}

	@GetMapping("/{id}")
	String detail(@PathVariable Long id, Model model) {
		addDetail(id, model, new PurchaseOrderForm(), new ArtworkForm());
		return DETAIL;
	}

	@PostMapping("/{id}/purchase-orders")
	@PreAuthorize(EDITORS)
	String addPurchaseOrder(@PathVariable Long id, @Valid @ModelAttribute("poForm") PurchaseOrderForm poForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				PurchaseOrder created = purchaseOrders.create(id, poForm);
				redirect.addFlashAttribute("message", "Purchase order " + created.number() + " added.");
				return "redirect:/projects/" + id;
			}
			catch (ConflictException ex) {
				result.reject("duplicate", ex.getMessage());
			}
		}
		addDetail(id, model, poForm, new ArtworkForm());
		return DETAIL;
	}

	@PostMapping("/{id}/artworks/{artworkId}/complete")
	@PreAuthorize(EDITORS)
	String completeArtwork(@PathVariable Long id, @PathVariable Long artworkId, RedirectAttributes redirect) {
		Artwork artwork = artworks.get(artworkId);
		if (!artwork.projectId().equals(id)) {
			throw new NotFoundException("Artwork", artworkId);
		}
		try {
			artworks.complete(artworkId);
			redirect.addFlashAttribute("message", "Artwork " + artwork.name()
					+ " is complete; its time is finalized for the next invoice.");
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/projects/" + id;
	}

	@PostMapping("/{id}/artworks")
	@PreAuthorize(EDITORS)
	String addArtwork(@PathVariable Long id, @Valid @ModelAttribute("artworkForm") ArtworkForm artworkForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			Artwork created = artworks.create(id, artworkForm);
			redirect.addFlashAttribute("message", "Artwork " + created.name() + " added.");
			return "redirect:/projects/" + id;
		}
		addDetail(id, model, new PurchaseOrderForm(), artworkForm);
		return DETAIL;
	}

	private void addDetail(Long id, Model model, PurchaseOrderForm poForm, ArtworkForm artworkForm) {
		Project project = projects.get(id);
		model.addAttribute("project", project);
		model.addAttribute("client", contacts.get(project.contactId()));
		model.addAttribute("deal", deals.find(project.dealId()).orElse(null));
		model.addAttribute("manager", projects.managers().stream()
			.filter(m -> m.id().equals(project.managerId())).findFirst().orElse(null));
		model.addAttribute("purchaseOrders", purchaseOrders.list(id));
		model.addAttribute("artworks", artworks.list(id));
		model.addAttribute("pricedArtworks", artworkPricing.ofProjects(List.of(id)).getOrDefault(id, List.of()));
		model.addAttribute("poForm", poForm);
		model.addAttribute("artworkForm", artworkForm);
	}

	private Map<Long, String> addClients(Model model) {
		var clients = contacts.list();
		Map<Long, String> clientNames = clients.stream().collect(Collectors.toMap(Contact::id, Contact::name));
		model.addAttribute("clients", clients);
		model.addAttribute("clientNames", clientNames);
		return clientNames;
	}

	private void addChoices(Model model) {
		Map<Long, String> clientNames = addClients(model);
		model.addAttribute("deals", deals.list(null).stream()
			.map(d -> new DealChoice(d, clientNames.get(d.contactId()))).toList());
		model.addAttribute("types", ProjectType.values());
		model.addAttribute("billingModes", BillingMode.values());
		model.addAttribute("statuses", ProjectStatus.values());
		model.addAttribute("managers", projects.managers());
	}

	/** A deal as the form's select shows it: its title and the client it belongs to. */
	record DealChoice(Long id, Long contactId, String label) {

		DealChoice(Deal deal, String clientName) {
			this(deal.id(), deal.contactId(), deal.title() + " — " + clientName);
		}
	}
}
