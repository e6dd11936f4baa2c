package com.nexustime.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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

	private static String versionRule(String version) {
		return """
				package versioned

				global java.util.List seen

				rule "answers the version of the rules"
				when
				    Integer()
				then
				    insert("%s");
				end
				""".formatted(version);
	}

	private static List<Object> facts(org.kie.api.runtime.KieSession session) {
		return List.copyOf(session.getObjects());
	}

	@Test
	void sessionsAreReusedAndStartEmpty() throws Exception {
		Files.writeString(folder.resolve("versioned.drl"), versionRule("v1"));
		RuleBook book = new RuleBook(DataFolder.directory(folder), Clock.systemUTC());

		book.evaluate(session -> {
			session.setGlobal("seen", new java.util.ArrayList<>());
			session.insert(42);
			session.fireAllRules();
			assertThat(facts(session)).containsExactlyInAnyOrder(42, "v1");
			return session;
		});
		java.util.Set<Long> sessionIds = new java.util.HashSet<>();
		for (int i = 0; i < 20; i++) {
			sessionIds.add(book.evaluate(session -> {
				// nothing of an earlier evaluation is left: no facts, no globals, no rules waiting to fire
				assertThat(facts(session)).isEmpty();
				assertThat(session.getGlobal("seen")).isNull();
				assertThat(session.fireAllRules()).isZero();
				return session.getIdentifier();
			}));
		}
		// twenty evaluations one after the other share a handful of pooled sessions instead of creating twenty
		assertThat(sessionIds).hasSizeLessThanOrEqualTo(4);
	}

	@Test
	void reloadSwapsTheRulesWhileAnEvaluationInFlightFinishesOnTheOldOnes() throws Exception {
		Files.writeString(folder.resolve("versioned.drl"), versionRule("v1"));
		RuleBook book = new RuleBook(DataFolder.directory(folder), Clock.systemUTC());
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch reloaded = new CountDownLatch(1);
		CompletableFuture<List<Object>> inFlight = CompletableFuture.supplyAsync(() -> book.evaluate(session -> {
			started.countDown();
			try {
				assertThat(reloaded.await(30, TimeUnit.SECONDS)).isTrue();
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
			session.insert(1);
			session.fireAllRules();
			return facts(session);
		}));
		assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

		Files.writeString(folder.resolve("versioned.drl"), versionRule("v2"));
		assertThat(book.reload().ok()).isTrue();
		List<Object> afterReload = book.evaluate(session -> {
			session.insert(2);
			session.fireAllRules();
			return facts(session);
		});
		reloaded.countDown();

		assertThat(afterReload).containsExactlyInAnyOrder(2, "v2");
		assertThat(inFlight.get(30, TimeUnit.SECONDS)).containsExactlyInAnyOrder(1, "v1");
		// the old pool's session, given back after the reload, is never handed out again
		List<Object> later = book.evaluate(session -> {
			session.insert(3);
			session.fireAllRules();
			return facts(session);
		});
		assertThat(later).containsExactlyInAnyOrder(3, "v2");
	}
}
