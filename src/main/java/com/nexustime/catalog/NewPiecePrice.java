package com.nexustime.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /piece-prices} (the API contract's shape of the artwork price list): a tier's price and,
 * optionally, the price per alteration, for the workspace or (with {@code contactId}) one client, from
 * {@code effectiveFrom} on (left out: today). It becomes one or two rows of the price list.
 */
public class NewPiecePrice {

	@NotBlank(message = "is required")
	@Size(max = 100, message = "Use at most 100 characters")
	private String complexityTier;

	@NotNull(message = "is required")
	@DecimalMin(value = "0.00", message = "must not be negative")
	@Digits(integer = 10, fraction = 2, message = "must have at most 10 digits and 2 decimals")
	private BigDecimal price;

	@DecimalMin(value = "0.00", message = "must not be negative")
	@Digits(integer = 10, fraction = 2, message = "must have at most 10 digits and 2 decimals")
	private BigDecimal alterationPrice;

	private Long contactId;

	private LocalDate effectiveFrom;

	/** The price list row this body makes for {@code item}, starting on {@code from}. */
	NewArtworkPrice row(NewArtworkPrice.Item item, LocalDate from) {
		NewArtworkPrice row = new NewArtworkPrice();
		row.setScope(contactId == null ? NewArtworkPrice.Scope.WORKSPACE : NewArtworkPrice.Scope.CLIENT);
		row.setContactId(contactId);
		row.setItem(item);
		boolean tier = item == NewArtworkPrice.Item.TIER;
		row.setComplexityTier(tier ? complexityTier : null);
		row.setPrice(tier ? price : alterationPrice);
		row.setEffectiveFrom(from);
		return row;
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

	public BigDecimal getAlterationPrice() {
		return alterationPrice;
	}

	public void setAlterationPrice(BigDecimal alterationPrice) {
		this.alterationPrice = alterationPrice;
	}

	public Long getContactId() {
		return contactId;
	}

	public void setContactId(Long contactId) {
		this.contactId = contactId;
	}

	public LocalDate getEffectiveFrom() {
		return effectiveFrom;
	}

	public void setEffectiveFrom(LocalDate effectiveFrom) {
		this.effectiveFrom = effectiveFrom;
	}
}
