package com.nexustime.catalog;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

import com.nexustime.system.web.Inputs;

/**
 * A piece of per-piece work on a project; its complexity tier and alterations drive its price (the price list and
 * rules/artwork-pricing.drl), its packaging level shows in the dollar breakdowns. {@code completedOn} is the day it
 * was completed (null while in progress): it prices the artwork and lets the invoice bill it.
 */
public record Artwork(@Id Long id, Long projectId, String name, String packagingLevel, String complexityTier,
		Integer alterationCount, LocalDate completedOn, @Version Integer version) {

	static Artwork create(Long projectId, ArtworkForm form) {
		return new Artwork(null, projectId, form.getName().trim(), Inputs.blankToNull(form.getPackagingLevel()),
				Inputs.blankToNull(form.getComplexityTier()),
				form.getAlterationCount() != null ? form.getAlterationCount() : 0, null, null);
	}

	Artwork apply(ArtworkChanges changes) {
		return new Artwork(id, projectId,
				changes.getName() != null ? changes.getName().trim() : name,
				changes.getPackagingLevel() != null ? changes.getPackagingLevel().map(Inputs::blankToNull).orElse(null)
						: packagingLevel,
				changes.getComplexityTier() != null ? changes.getComplexityTier().map(Inputs::blankToNull).orElse(null)
						: complexityTier,
				changes.getAlterationCount() != null ? changes.getAlterationCount() : alterationCount, completedOn,
				changes.getVersion() != null ? changes.getVersion() : version);
	}

	Artwork completed(LocalDate on) {
		return new Artwork(id, projectId, name, packagingLevel, complexityTier, alterationCount, on, version);
	}

	public boolean complete() {
		return completedOn != null;
	}
}
