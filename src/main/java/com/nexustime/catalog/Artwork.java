package com.nexustime.catalog;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

import com.nexustime.system.web.Inputs;

/** A piece of per-piece work on a project; its packaging level, complexity and alterations drive its price. */
public record Artwork(@Id Long id, Long projectId, String name, String packagingLevel, String complexityTier,
		Integer alterationCount, @Version Integer version) {

	static Artwork create(Long projectId, ArtworkForm form) {
		return new Artwork(null, projectId, form.getName().trim(), Inputs.blankToNull(form.getPackagingLevel()),
				Inputs.blankToNull(form.getComplexityTier()),
				form.getAlterationCount() != null ? form.getAlterationCount() : 0, null);
	}

	Artwork apply(ArtworkChanges changes) {
		return new Artwork(id, projectId,
				changes.getName() != null ? changes.getName().trim() : name,
				changes.getPackagingLevel() != null ? changes.getPackagingLevel().map(Inputs::blankToNull).orElse(null)
						: packagingLevel,
				changes.getComplexityTier() != null ? changes.getComplexityTier().map(Inputs::blankToNull).orElse(null)
						: complexityTier,
				changes.getAlterationCount() != null ? changes.getAlterationCount() : alterationCount,
				changes.getVersion() != null ? changes.getVersion() : version);
	}
}
