package com.nexustime.catalog;

import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code PATCH /artworks/{id}}: left-out fields stay; null removes packaging level or tier. */
public class ArtworkChanges {

	@Pattern(regexp = "(?s).*\\S.*", message = "The name must not be blank")
	@Size(max = 200, message = "Use at most 200 characters")
	private String name;

	private Optional<@Size(max = 100, message = "Use at most 100 characters") String> packagingLevel;

	private Optional<@Size(max = 100, message = "Use at most 100 characters") String> complexityTier;

	@Min(value = 0, message = "The number of alterations cannot be negative")
	@Max(value = 10000, message = "At most 10000 alterations")
	private Integer alterationCount;

	private Integer version;

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Optional<String> getPackagingLevel() {
		return packagingLevel;
	}

	public void setPackagingLevel(Optional<String> packagingLevel) {
		this.packagingLevel = packagingLevel;
	}

	public Optional<String> getComplexityTier() {
		return complexityTier;
	}

	public void setComplexityTier(Optional<String> complexityTier) {
		this.complexityTier = complexityTier;
	}

	public Integer getAlterationCount() {
		return alterationCount;
	}

	public void setAlterationCount(Integer alterationCount) {
		this.alterationCount = alterationCount;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}
}
