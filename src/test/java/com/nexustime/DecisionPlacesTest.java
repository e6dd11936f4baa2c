package com.nexustime;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Each rules question has one place in the application that gathers its facts and asks it, so that no surface
 * answers it with a mapping of its own (and an edited rule file reaches every screen alike).
 */
class DecisionPlacesTest {

	private static final JavaClasses APP = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.nexustime");

	@Test
	void onlyBookabilityAsksTheAvailabilityRules() {
		noClasses().that().resideOutsideOfPackage("com.nexustime.rules..")
			.and().doNotHaveFullyQualifiedName("com.nexustime.tracking.Bookability")
			.should().accessClassesThat().haveFullyQualifiedName("com.nexustime.rules.ActivityRules")
			.because("tracking.Bookability is the one service every surface asks about availability")
			.check(APP);
	}

	@Test
	void onlyTrackingBuildsTheWeekLockingQuestion() {
		noClasses().that().resideOutsideOfPackage("com.nexustime.rules..")
			.and().doNotHaveFullyQualifiedName("com.nexustime.tracking.EntryLocking")
			.should().callConstructor(com.nexustime.rules.LockQuestion.class, com.nexustime.rules.Actor.class,
					String.class, String.class, String.class)
			.orShould().callConstructor(com.nexustime.rules.LockQuestion.class, com.nexustime.rules.Actor.class,
					String.class, String.class, String.class, String.class, String.class)
			.because("tracking.EntryLocking.lockQuestion (behind TimeEntryService.lockQuestion) fills in the client approval holding an entry; a question built"
					+ " elsewhere leaves it out and allows what the API refuses")
			.check(APP);
	}

	@Test
	void onlyArtworkPricingAsksTheArtworkPricingRules() {
		noClasses().that().resideOutsideOfPackage("com.nexustime.rules..")
			.and().doNotHaveFullyQualifiedName("com.nexustime.catalog.ArtworkPricing")
			.should().accessClassesThat().haveFullyQualifiedName("com.nexustime.rules.ArtworkPricingRules")
			.because("catalog.ArtworkPricing gathers an artwork's price list rows and is the one place its price is"
					+ " asked, so the summary, the artworks list and the invoice agree")
			.check(APP);
	}
}
