package com.nexustime.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nexustime.workflow.DataFolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Building and reloading the KieBase from a folder of rule files, including files that do not compile. */
class RuleBookTest {

	private static final String BROKEN = """
			package broken

			rule "missing its closing parenthesis"
			when
			    String( length > 3
			then
			end
			""";

	@TempDir
	Path folder;

	@Test
	void brokenRuleFileStopsTheBuildNamingFileAndLine() throws Exception {
		Files.writeString(folder.resolve("broken.drl"), BROKEN);

		assertThatThrownBy(() -> new RuleBook(DataFolder.directory(folder), Clock.systemUTC()))
			.isInstanceOf(RuleBuildException.class)
			.hasMessageContaining("broken.drl")
			.hasMessageContaining("line ")
			.satisfies(ex -> {
				List<RuleLoad.RuleError> errors = ((RuleBuildException) ex).errors();
				assertThat(errors).isNotEmpty();
				assertThat(errors).allSatisfy(e -> assertThat(e.file()).isEqualTo("broken.drl"));
				assertThat(errors.get(0).line()).isBetween(5, 6);
				assertThat(errors.get(0).message()).isNotBlank();
			});
	}

	@Test
	void consequenceThatDoesNotCompileIsReportedWithItsFile() throws Exception {
		Files.writeString(folder.resolve("typo.drl"), """
				package typo

				rule "calls a method that does not exist"
				when
				    $s : String()
				then
				    $s.noSuchMethod();
				end
				""");

		assertThatThrownBy(() -> new RuleBook(DataFolder.directory(folder), Clock.systemUTC()))
			.isInstanceOf(RuleBuildException.class)
			.hasMessageContaining("typo.drl");
	}

	@Test
	void reloadWithBrokenFileKeepsTheOldRulesAndReportsTheErrors() throws Exception {
		Files.copy(Path.of("rules/activity-availability.drl"), folder.resolve("activity-availability.drl"));
		RuleBook book = new RuleBook(DataFolder.directory(folder), Clock.systemUTC());
		ActivityRules rules = new ActivityRules(book);
		ProjectFacts electronic = new ProjectFacts(1, "ELECTRONIC", "ACTIVE", null);
		ActivityOption management = new ActivityOption(2, "MANAGEMENT", null, true);
		RuleLoad first = book.inEffect();
		assertThat(first.ok()).isTrue();
		assertThat(first.files()).containsExactly("activity-availability.drl");

		Files.writeString(folder.resolve("zz-broken.drl"), BROKEN);
		RuleLoad failed = book.reload();

		assertThat(failed.ok()).isFalse();
		assertThat(failed.files()).containsExactly("activity-availability.drl", "zz-broken.drl");
		assertThat(failed.errors()).extracting(RuleLoad.RuleError::file).containsOnly("zz-broken.drl");
		assertThat(failed.errors().get(0).line()).isPositive();
		assertThat(book.lastLoad()).isEqualTo(failed);
		assertThat(book.inEffect()).isEqualTo(first);
		assertThat(rules.refusal(electronic, management)).isPresent();

		// the owner fixes the file by loosening the rule; the new rules replace the old ones
		Files.delete(folder.resolve("zz-broken.drl"));
		String loosened = Files.readString(folder.resolve("activity-availability.drl"))
			.replace("type in ( \"PER_PIECE\", \"ELECTRONIC\" )", "type == \"PER_PIECE\"");
		Files.writeString(folder.resolve("activity-availability.drl"), loosened);
		RuleLoad fixed = book.reload();

		assertThat(fixed.ok()).isTrue();
		assertThat(fixed.errors()).isEmpty();
		assertThat(book.inEffect()).isEqualTo(fixed);
		assertThat(rules.refusal(electronic, management)).isEmpty();
	}

	@Test
	void emptyFolderBuildsAnEmptyRuleBook() {
		RuleBook book = new RuleBook(DataFolder.directory(folder), Clock.systemUTC());
		assertThat(book.inEffect().ok()).isTrue();
		assertThat(book.inEffect().files()).isEmpty();
	}
}
