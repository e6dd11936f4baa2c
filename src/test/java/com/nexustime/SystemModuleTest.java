package com.nexustime;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code system}, which every module uses, uses no feature module back: it is an ordinary Modulith module (so
 * {@link ModuleStructureTest}'s cycle check includes it), it depends on nothing else under {@code com.nexustime},
 * and no top-level packages depend on each other in a cycle.
 */
class SystemModuleTest {

	private static final JavaClasses APP = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.nexustime");

	@Test
	void systemIsNotLeftOutOfTheCycleCheck() {
		var system = ApplicationModules.of(NexusTimeApplication.class).getModuleByName("system").orElseThrow();
		assertThat(system.isOpen()).as("system declared an open module").isFalse();
	}

	@Test
	void systemDependsOnNoFeatureModule() {
		noClasses().that().resideInAPackage("com.nexustime.system..")
			.should().dependOnClassesThat(resideInAPackage("com.nexustime..")
				.and(not(resideInAPackage("com.nexustime.system.."))))
			.because("a feature that system needs an answer from implements an interface system declares")
			.check(APP);
	}

	@Test
	void topLevelPackagesAreFreeOfCycles() {
		slices().matching("com.nexustime.(*)..").should().beFreeOfCycles().check(APP);
	}
}
