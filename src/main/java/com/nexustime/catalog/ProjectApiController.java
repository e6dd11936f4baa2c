package com.nexustime.catalog;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Projects with their purchase orders and artworks. The activities bookable on a project
 * ({@code GET /projects/{id}/activities}) are answered by tracking's {@code BookabilityController}, which asks the
 * availability rules the same way every picker does.
 */
@RestController
@RequestMapping("/api/v1")
class ProjectApiController {

	private static final String EDITORS = "hasAnyRole('ADMIN','MANAGER')";

	private final ProjectService projects;

	private final PurchaseOrderService purchaseOrders;

	private final ArtworkService artworks;

	private final ArtworkPricing pricing;

	ProjectApiController(ProjectService projects, PurchaseOrderService purchaseOrders, ArtworkService artworks,
			ArtworkPricing pricing) {
		this.projects = projects;
		this.purchaseOrders = purchaseOrders;
		this.artworks = artworks;
		this.pricing = pricing;
	}

	@GetMapping("/projects")
	List<Project> list(@RequestParam(required = false) Long contactId) {
		return projects.list(contactId);
	}

	@GetMapping("/projects/{id}")
	Project get(@PathVariable Long id) {
		return projects.get(id);
	}

	@PostMapping("/projects")
	@PreAuthorize(EDITORS)
	ResponseEntity<Project> create(@Valid @RequestBody ProjectForm form) {
		Project created = projects.create(form);
		return ResponseEntity.created(URI.create("/api/v1/projects/" + created.id())).body(created);
	}

	@PatchMapping("/projects/{id}")
	@PreAuthorize(EDITORS)
	Project change(@PathVariable Long id, @Valid @RequestBody ProjectChanges changes) {
		return projects.change(id, changes);
	}

	@GetMapping("/projects/{id}/purchase-orders")
	List<PurchaseOrder> purchaseOrders(@PathVariable Long id) {
		return purchaseOrders.list(id);
	}

	@PostMapping("/projects/{id}/purchase-orders")
	@PreAuthorize(EDITORS)
	ResponseEntity<PurchaseOrder> addPurchaseOrder(@PathVariable Long id, @Valid @RequestBody PurchaseOrderForm form) {
		PurchaseOrder created = purchaseOrders.create(id, form);
		return ResponseEntity.created(URI.create("/api/v1/projects/" + id + "/purchase-orders")).body(created);
	}

	@GetMapping("/projects/{id}/artworks")
	List<ArtworkAnswer> artworks(@PathVariable Long id) {
		List<Artwork> found = artworks.list(id);
		var priced = pricing.byId(found.stream().map(Artwork::id).toList());
		return found.stream().map(a -> ArtworkAnswer.of(a, priced)).toList();
	}

	@PostMapping("/projects/{id}/artworks")
	@PreAuthorize(EDITORS)
	ResponseEntity<ArtworkAnswer> addArtwork(@PathVariable Long id, @Valid @RequestBody ArtworkForm form) {
		Artwork created = artworks.create(id, form);
		return ResponseEntity.created(URI.create("/api/v1/artworks/" + created.id())).body(answer(created));
	}

	@GetMapping("/artworks/{id}")
	ArtworkAnswer artwork(@PathVariable Long id) {
		return answer(artworks.get(id));
	}

	@PatchMapping("/artworks/{id}")
	@PreAuthorize(EDITORS)
	ArtworkAnswer changeArtwork(@PathVariable Long id, @Valid @RequestBody ArtworkChanges changes) {
		return answer(artworks.change(id, changes));
	}

	/** The artwork with its price, which only {@link ArtworkPricing} decides. */
	private ArtworkAnswer answer(Artwork artwork) {
		return ArtworkAnswer.of(artwork, pricing.byId(List.of(artwork.id())));
	}
}
