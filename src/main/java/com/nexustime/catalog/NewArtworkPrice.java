package com.nexustime.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A price to add to the artwork price list: the API's request body and the page's form. A CLIENT price names
 * its contact, a WORKSPACE one none; a TIER price names its complexity tier, an ALTERATION price none (checked
 * in {@link ArtworkPriceList}, each mistake on its field).
 */
public class NewArtworkPrice {

	public enum Scope {
		WORKSPACE, CLIENT
	}

	public enum Item {
		TIER, ALTERATION
	}

	@NotNull
	private Scope scope;

	private Long contactId;

	@NotNull
	private Item item;

	@Size(max = 100, message = "Use at most 100 characters")
	private String complexityTier;

	@NotNull
	@DecimalMin(value = "0.00", message = "must not be negative")
	@Digits(integer = 10, fraction = 2, message = "must have at most 10 digits and 2 decimals")
	private BigDecimal price;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate effectiveFrom;

	public Scope getScope() {
		return scope;
	}

	public void setScope(Scope scope) {
		this.scope = scope;
	}

	public Long getContactId() {
		return contactId;
	}

	public void setContactId(Long contactId) {
		this.contactId = contactId;
	}

	public Item getItem() {
		return item;
	}

	public void setItem(Item item) {
		this.item = item;
	}

	public String getComplexityTier() {
		return complexityTier;
	}

	public void setComplexityTier(String complexityTier) {
		this.complexityTier = complexityTier;
	}

	public BigDecimal getPrice() {
		return price;
	}

	public void setPrice(BigDecimal price) {
		this.price = price;
	}

	public LocalDate getEffectiveFrom() {
		return effectiveFrom;
	}

	public void setEffectiveFrom(LocalDate effectiveFrom) {
		this.effectiveFrom = effectiveFrom;
	}
}
