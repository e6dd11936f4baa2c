package com.nexustime.catalog;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.nexustime.catalog.ArtworkPriceList.PiecePrice;
import com.nexustime.catalog.ArtworkPriceList.PriceView;
import com.nexustime.catalog.ArtworkPricing.PricedArtwork;

/**
 * The artwork price list (admins add, managers and auditors read), an artwork's price, and "Artwork complete".
 */
@RestController
@RequestMapping("/api/v1")
class ArtworkPriceController {

	private final ArtworkPriceList prices;

	private final ArtworkPricing pricing;

	private final ArtworkService artworks;

	ArtworkPriceController(ArtworkPriceList prices, ArtworkPricing pricing, ArtworkService artworks) {
		this.prices = prices;
		this.pricing = pricing;
		this.artworks = artworks;
	}

	@PostMapping("/artwork-prices")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('ADMIN')")
	PriceView create(@Valid @RequestBody NewArtworkPrice price) {
		return prices.create(price);
	}

	@GetMapping("/artwork-prices")
	@PreAuthorize("hasAnyRole('ADMIN','MANAGER','AUDITOR')")
	List<PriceView> list(@RequestParam(required = false) Long contactId) {
		return prices.list(contactId);
	}

	/** The contract's shape of the price list: a tier price with the alteration price of the same owner and day. */
	@PostMapping("/piece-prices")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('ADMIN')")
	PiecePrice createPiecePrice(@Valid @RequestBody NewPiecePrice price) {
		return prices.createPiecePrice(price);
	}

	@GetMapping("/piece-prices")
	@PreAuthorize("hasAnyRole('ADMIN','MANAGER','AUDITOR')")
	List<PiecePrice> piecePrices(@RequestParam(required = false) Long contactId) {
		return prices.piecePrices(contactId);
	}

	/** The artwork with its price as the artwork-pricing rules set it today (or on its completion day). */
	@GetMapping("/artworks/{id}/price")
	@PreAuthorize("hasAnyRole('ADMIN','MANAGER','AUDITOR')")
	PricedArtwork price(@PathVariable Long id) {
		artworks.get(id);
		return pricing.byId(List.of(id)).get(id);
	}

	/** Completes the artwork: its time entries are finalized and the next range invoice bills it as one line. */
	@PostMapping("/artworks/{id}/complete")
	@PreAuthorize("hasAnyRole('ADMIN','MANAGER')")
	PricedArtwork complete(@PathVariable Long id) {
		artworks.complete(id);
		return pricing.byId(List.of(id)).get(id);
	}
}
