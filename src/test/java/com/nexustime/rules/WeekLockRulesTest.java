package com.nexustime.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nexustime.workflow.DataFolder;

import static com.nexustime.rules.Actor.ADMIN;
import static com.nexustime.rules.Actor.MANAGER;
import static com.nexustime.rules.Actor.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The week-locking rules as written in {@code rules/}, compiled and evaluated without Spring. */
class WeekLockRulesTest {

	private static final LockDecision ALLOWED = new LockDecision(true, false, null);

	private static final List<String> ENTRY_TYPES = List.of("ACTIVITY", "FIXED_COST", "ADJUSTMENT");

	private static final List<String> ENTRY_STATUSES = List.of("OPEN", "IN_PROCESS", "FINALIZED", "BILLED");

	private static final List<String> WEEK_STATES = List.of("OPEN", "SUBMITTED", "APPROVED", "REJECTED");

	private static WeekLockRules rules;

	@BeforeAll
	static void compileRules() {
		rules = new WeekLockRules(new RuleBook(DataFolder.directory(Path.of("rules")), Clock.systemUTC()));
	}

	private static LockDecision decide(Actor actor, String entryType, String entryStatus, String weekState) {
		return rules.decide(new LockQuestion(actor, entryType, entryStatus, weekState));
	}

	private static LockDecision refused(String reason) {
		return new LockDecision(false, false, reason);
	}

	@Test
	void openWeekAndEntryAreOpenToEveryone() {
		for (Actor actor : Actor.values()) {
			assertThat(decide(actor, "ACTIVITY", "OPEN", "OPEN")).as(actor.name()).isEqualTo(ALLOWED);
			assertThat(decide(actor, "FIXED_COST", "OPEN", "OPEN")).as(actor.name()).isEqualTo(ALLOWED);
		}
	}

	@Test
	void submittedWeekWaitsForTheManagerButNotForTheOwner() {
		assertThat(decide(OWNER, "ACTIVITY", "OPEN", "SUBMITTED"))
			.isEqualTo(refused("the week is submitted to your manager; recall it first"));
		assertThat(decide(MANAGER, "ACTIVITY", "OPEN", "SUBMITTED")).isEqualTo(ALLOWED);
		assertThat(decide(ADMIN, "ACTIVITY", "OPEN", "SUBMITTED")).isEqualTo(ALLOWED);
	}

	private static final String PENDING = "the client approval sent to Dana Client on 2026-11-30 (request 12)";

	private static final String SIGNED = "the client approval Dana Client signed on 2026-12-01 (request 12)";

	@Test
	void entryInAPendingClientApprovalIsLockedForEveryoneAndTheRefusalNamesTheRequest() {
		for (Actor actor : Actor.values()) {
			for (String type : ENTRY_TYPES) {
				for (String week : WEEK_STATES) {
					assertThat(rules.decide(new LockQuestion(actor, type, "IN_PROCESS", week, PENDING, null)))
						.as(actor + " " + type + " " + week)
						.isEqualTo(refused("the entry is in " + PENDING + "; cancel it to change the entry"));
				}
			}
		}
	}

	@Test
	void inProcessEntryIsLockedEvenWhenTheRequestIsNotNamed() {
		for (Actor actor : Actor.values()) {
			for (String week : WEEK_STATES) {
				LockDecision decision = decide(actor, "ACTIVITY", "IN_PROCESS", week);
				assertThat(decision.allowed()).as(actor + " " + week).isFalse();
				assertThat(decision.reason()).contains("client approval").contains("cancel it");
			}
		}
	}

	@Test
	void clientSignedEntryIsLockedForEveryoneAdminsIncluded() {
		String reason = "the entry is in " + SIGNED + "; what the client signed is billed as signed and nobody changes it";
		for (Actor actor : Actor.values()) {
			for (String type : ENTRY_TYPES) {
				for (String week : WEEK_STATES) {
					assertThat(rules.decide(new LockQuestion(actor, type, "FINALIZED", week, null, SIGNED)))
						.as(actor + " " + type + " " + week).isEqualTo(refused(reason));
				}
			}
		}
		// an admin's own finalization keeps its audited override
		assertThat(decide(ADMIN, "ACTIVITY", "FINALIZED", "OPEN").audited()).isTrue();
		// once on an invoice, the invoice is the reason
		assertThat(rules.decide(new LockQuestion(ADMIN, "ACTIVITY", "BILLED", "OPEN", null, SIGNED)))
			.isEqualTo(refused("the entry is on an invoice"));
	}

	@Test
	void finalizedEntryOnlyByAnAdminAsAnAuditedOverride() {
		assertThat(decide(OWNER, "ACTIVITY", "FINALIZED", "OPEN")).isEqualTo(refused("the entry is finalized"));
		assertThat(decide(MANAGER, "ACTIVITY", "FINALIZED", "OPEN")).isEqualTo(refused("the entry is finalized"));
		assertThat(decide(ADMIN, "ACTIVITY", "FINALIZED", "OPEN"))
			.isEqualTo(new LockDecision(true, true, "admin override of a finalized entry"));
	}

	@Test
	void approvedWeekOnlyByAnAdminAsAnAuditedOverride() {
		assertThat(decide(OWNER, "ACTIVITY", "OPEN", "APPROVED")).isEqualTo(refused("the week is approved"));
		assertThat(decide(MANAGER, "ACTIVITY", "OPEN", "APPROVED")).isEqualTo(refused("the week is approved"));
		LockDecision admin = decide(ADMIN, "ACTIVITY", "OPEN", "APPROVED");
		assertThat(admin.allowed()).isTrue();
		assertThat(admin.audited()).isTrue();
		assertThat(admin.reason()).isEqualTo("admin override of an approved week");
	}

	@Test
	void billedEntryIsLockedForEveryoneInEveryWeek() {
		for (Actor actor : Actor.values()) {
			for (String type : ENTRY_TYPES) {
				for (String week : WEEK_STATES) {
					assertThat(decide(actor, type, "BILLED", week)).as(actor + " " + type + " " + week)
						.isEqualTo(refused("the entry is on an invoice"));
				}
			}
		}
	}

	@Test
	void adjustmentsAreAdminOnlyInEveryState() {
		for (String status : List.of("OPEN", "FINALIZED")) {
			for (String week : WEEK_STATES) {
				for (Actor actor : List.of(OWNER, MANAGER)) {
					assertThat(decide(actor, "ADJUSTMENT", status, week)).as(actor + " " + status + " " + week)
						.isEqualTo(refused("adjustments are admin-only"));
				}
			}
		}
		assertThat(decide(ADMIN, "ADJUSTMENT", "OPEN", "OPEN")).isEqualTo(ALLOWED);
		assertThat(decide(ADMIN, "ADJUSTMENT", "FINALIZED", "OPEN").audited()).isTrue();
		assertThat(decide(ADMIN, "ADJUSTMENT", "BILLED", "OPEN")).isEqualTo(refused("the entry is on an invoice"));
	}

	@Test
	void mostFundamentalReasonWins() {
		// billed beats adjustment-admin-only
		assertThat(decide(MANAGER, "ADJUSTMENT", "BILLED", "APPROVED").reason()).isEqualTo("the entry is on an invoice");
		// adjustment-admin-only beats finalized and the week's state
		assertThat(decide(OWNER, "ADJUSTMENT", "FINALIZED", "SUBMITTED").reason())
			.isEqualTo("adjustments are admin-only");
		// finalized beats approved, approved beats submitted (an approved week was submitted first)
		assertThat(decide(OWNER, "ACTIVITY", "FINALIZED", "APPROVED").reason()).isEqualTo("the entry is finalized");
		assertThat(decide(ADMIN, "ACTIVITY", "FINALIZED", "APPROVED").reason())
			.isEqualTo("admin override of a finalized entry");
		assertThat(decide(MANAGER, "ACTIVITY", "OPEN", "APPROVED").reason()).isEqualTo("the week is approved");
		// what was sent to a client beats the week's state, admin-only adjustments and an admin's override
		assertThat(rules.decide(new LockQuestion(ADMIN, "ACTIVITY", "IN_PROCESS", "APPROVED", PENDING, null)).allowed())
			.isFalse();
		assertThat(rules.decide(new LockQuestion(OWNER, "ADJUSTMENT", "IN_PROCESS", "OPEN", PENDING, null)).reason())
			.contains("request 12");
		assertThat(rules.decide(new LockQuestion(ADMIN, "ACTIVITY", "FINALIZED", "APPROVED", null, SIGNED)).reason())
			.contains("request 12");
	}

	@Test
	void rejectedWeekIsBackWithItsOwner() {
		assertThat(decide(OWNER, "ACTIVITY", "OPEN", "REJECTED")).isEqualTo(ALLOWED);
	}

	@Test
	void everyCombinationGetsExactlyOneDecisionAndOnlyAdminsAreAudited() {
		String[][] holders = { { null, null }, { PENDING, null }, { null, SIGNED } };
		for (Actor actor : Actor.values()) {
			for (String type : ENTRY_TYPES) {
				for (String status : ENTRY_STATUSES) {
					for (String week : WEEK_STATES) {
						for (String[] held : holders) {
							checkOneDecision(new LockQuestion(actor, type, status, week, held[0], held[1]));
						}
					}
				}
			}
		}
	}

	// decide() itself fails on zero or two decisions; the rest is what any decision must look like
	private static void checkOneDecision(LockQuestion question) {
		LockDecision decision = rules.decide(question);
		String cell = question.toString();
		assertThat(decision).as(cell).isNotNull();
		if (decision.audited()) {
			assertThat(question.actor()).as(cell).isEqualTo(ADMIN);
			assertThat(decision.allowed()).as(cell).isTrue();
		}
		if (!decision.allowed()) {
			assertThat(decision.reason()).as(cell).isNotBlank();
		}
		if (question.pendingApproval() != null || question.signedApproval() != null) {
			// nothing a client was sent or signed is changed, by anyone
			assertThat(decision.allowed()).as(cell).isFalse();
		}
	}

	@Test
	void unknownStatesAreRejectedBeforeTheRules() {
		assertThatThrownBy(() -> new LockQuestion(OWNER, "ACTIVITY", "DRAFT", "OPEN"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("entryStatus");
		assertThatThrownBy(() -> new LockQuestion(OWNER, "ACTIVITY", "OPEN", null))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("weekState");
		assertThatThrownBy(() -> new LockQuestion(null, "ACTIVITY", "OPEN", "OPEN"))
			.isInstanceOf(NullPointerException.class);
	}

	private static final String OPEN_WEEK_RULE = """
			rule "Open entries of an open week are editable by everyone"
			    ruleflow-group "week-locking"
			    salience 10
			when
			    not LockDecision( )
			    LockQuestion( entryStatus == "OPEN", weekState == "OPEN" )
			then
			    insert( LockDecision.allow( ) );
			end
			""";

	@Test
	void aQuestionNoEditedRuleDecidesIsRefusedSayingSo(@TempDir Path folder) throws IOException {
		WeekLockRules edited = editedCopy(folder, OPEN_WEEK_RULE, "");

		LockDecision decision = edited.decide(new LockQuestion(OWNER, "ACTIVITY", "OPEN", "OPEN"));

		assertThat(decision.allowed()).isFalse();
		assertThat(decision.reason()).isEqualTo("no locking rule decided about this change (activity entry, open, in"
				+ " a week that is open, asked by its owner); it is refused until the week-locking rules decide it");
		// the questions the remaining rules decide are answered as before
		assertThat(edited.decide(new LockQuestion(OWNER, "ACTIVITY", "OPEN", "REJECTED"))).isEqualTo(ALLOWED);
	}

	@Test
	void aQuestionSeveralEditedRulesDecideIsRefusedNamingThem(@TempDir Path folder) throws IOException {
		// the same rule without its guard: it decides even after a more fundamental rule has
		WeekLockRules edited = editedCopy(folder, "rule \"An admin may override a finalized entry, audited\"\n"
				+ "    ruleflow-group \"week-locking\"\n    salience 80\nwhen\n    not LockDecision( )\n",
				"rule \"An admin may override a finalized entry, audited\"\n"
				+ "    ruleflow-group \"week-locking\"\n    salience 80\nwhen\n");

		LockDecision decision = edited.decide(new LockQuestion(ADMIN, "ACTIVITY", "FINALIZED", "OPEN", null, SIGNED));

		assertThat(decision.allowed()).isFalse();
		assertThat(decision.reason()).startsWith("the locking rules \"An entry the client signed is locked for"
				+ " everyone, admins included\", \"An admin may override a finalized entry, audited\" each decided"
				+ " about this change (activity entry, finalized, in a week that is open, asked by an admin)");
		// a question only one rule decides still gets that rule's answer
		assertThat(edited.decide(new LockQuestion(ADMIN, "ACTIVITY", "FINALIZED", "OPEN")))
			.isEqualTo(new LockDecision(true, true, "admin override of a finalized entry"));
	}

	/** The shipped rules in {@code folder}, with {@code from} replaced by {@code to} in week-locking.drl. */
	private static WeekLockRules editedCopy(Path folder, String from, String to) throws IOException {
		try (var shipped = Files.list(Path.of("rules"))) {
			for (Path file : shipped.filter(p -> p.toString().endsWith(".drl")).toList()) {
				Files.copy(file, folder.resolve(file.getFileName()));
			}
		}
		Path lockRules = folder.resolve("week-locking.drl");
		String text = Files.readString(lockRules);
		assertThat(text).contains(from);
		Files.writeString(lockRules, text.replace(from, to));
		return new WeekLockRules(new RuleBook(DataFolder.directory(folder), Clock.systemUTC()));
	}
}
