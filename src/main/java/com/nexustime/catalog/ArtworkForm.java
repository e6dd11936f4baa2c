package com.nexustime.catalog;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /projects/{id}/artworks} and the fields of the form on the project page. */
public class ArtworkForm {

	@NotBlank(message = "Enter the artwork's name")
	@Size(max = 200, message = "Use at most 200 characters")
	private String name;

	@Size(max = 100, message = "Use at most 100 characters")
	private String packagingLevel;

	@NotBlank(message = "Enter the artwork's complexity tier")
	@Size(max = 100, message = "Use at most 100 characters")
	private String complexityTier;

	/** 0 when left out. */
	@Min(value = 0, message = "The number of alterations cannot be negative")
	@Max(value = 10000, message = "At most 10000 alterations")
	private Integer alterationCount;

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getPackagingLevel() {
		return packagingLevel;
	}

	public void setPackagingLevel(String packagingLevel) {
		this.packagingLevel = packagingLevel;
	}

	public String getComplexityTier() {
		return complexityTier;
	}

	public void setComplexityTier(String complexityTier) {
		this.complexityTier = complexityTier;
	}

	public Integer getAlterationCount() {
		return alterationCount;
	}

	public void setAlterationCount(Integer alterationCount) {
		this.alterationCount = alterationCount;
	}
}
