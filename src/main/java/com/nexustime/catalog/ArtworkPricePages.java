package com.nexustime.catalog;

import jakarta.validation.Valid;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.nexustime.system.web.ConflictException;
import com.nexustime.system.web.RuleViolationException;

/** The artwork price list page, next to the rate card: everyone who reads rates reads it, admins add prices. */
@Controller
class ArtworkPricePages {

	private static final String VIEW = "artwork-prices/prices";

	private final ArtworkPriceList prices;

	private final JdbcClient jdbc;

	ArtworkPricePages(ArtworkPriceList prices, JdbcClient jdbc) {
		this.prices = prices;
		this.jdbc = jdbc;
	}

	@GetMapping("/artwork-prices")
	@PreAuthorize("hasAnyRole('ADMIN','MANAGER','AUDITOR')")
	String list(Model model) {
		NewArtworkPrice price = new NewArtworkPrice();
		price.setScope(NewArtworkPrice.Scope.WORKSPACE);
		price.setItem(NewArtworkPrice.Item.TIER);
		return page(price, model);
	}

	@PostMapping("/artwork-prices")
	@PreAuthorize("hasRole('ADMIN')")
	String create(@Valid @ModelAttribute("price") NewArtworkPrice price, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				prices.create(price);
				redirect.addFlashAttribute("message", "Artwork price added.");
				return "redirect:/artwork-prices";
			}
			catch (RuleViolationException ex) {
				result.rejectValue(ex.field(), "rule", ex.getMessage());
			}
			catch (ConflictException ex) {
				result.rejectValue("effectiveFrom", "duplicate", ex.getMessage());
			}
		}
		return page(price, model);
	}

	private String page(NewArtworkPrice price, Model model) {
		model.addAttribute("price", price);
		model.addAttribute("prices", prices.list(null));
		model.addAttribute("scopes", NewArtworkPrice.Scope.values());
		model.addAttribute("clients", prices.clients());
		// the tiers artworks already carry, offered as suggestions
		model.addAttribute("tiers", jdbc.sql("""
				select distinct trim(complexity_tier) from artwork where complexity_tier is not null
				 order by 1 limit 200""").query(String.class).list());
		return VIEW;
	}
}
