package com.nexustime.rules;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

	@Test
	void entryInAPendingClientApprovalStaysEditableInAnOpenWeek() {
		for (Actor actor : Actor.values()) {
			assertThat(decide(actor, "ACTIVITY", "IN_PROCESS", "OPEN")).as(actor.name()).isEqualTo(ALLOWED);
		}
		// but the week's own lock still holds
		assertThat(decide(OWNER, "ACTIVITY", "IN_PROCESS", "SUBMITTED").allowed()).isFalse();
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
		for (String status : List.of("OPEN", "IN_PROCESS", "FINALIZED")) {
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
		assertThat(decide(MANAGER, "ACTIVITY", "IN_PROCESS", "APPROVED").reason()).isEqualTo("the week is approved");
	}

	@Test
	void rejectedWeekIsBackWithItsOwner() {
		assertThat(decide(OWNER, "ACTIVITY", "OPEN", "REJECTED")).isEqualTo(ALLOWED);
	}

	@Test
	void everyCombinationGetsExactlyOneDecisionAndOnlyAdminsAreAudited() {
		for (Actor actor : Actor.values()) {
			for (String type : ENTRY_TYPES) {
				for (String status : ENTRY_STATUSES) {
					for (String week : WEEK_STATES) {
						LockDecision decision = decide(actor, type, status, week);
						String cell = actor + " " + type + " " + status + " " + week;
						assertThat(decision).as(cell).isNotNull();
						if (decision.audited()) {
							assertThat(actor).as(cell).isEqualTo(ADMIN);
							assertThat(decision.allowed()).as(cell).isTrue();
						}
						if (!decision.allowed()) {
							assertThat(decision.reason()).as(cell).isNotBlank();
						}
					}
				}
			}
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
}
