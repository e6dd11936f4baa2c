package com.nexustime.review;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.security.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/** The weekly-timesheet diagram as deployed from processes/, driven through the engine and its delegates. */
class WeeklyTimesheetProcessTest extends IntegrationTest {

	@Autowired
	IdentityService identity;

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	WeekReviewService reviews;

	@Autowired
	UserAccounts accounts;

	private CurrentUser staff;

	private TestUsers.TestUser manager;

	private LocalDate week;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(engine);
		manager = TestUsers.create(jdbc, "MANAGER", "STAFF");
		TestUsers.TestUser owner = TestUsers.create(jdbc, "STAFF");
		jdbc.sql("update app_user set manager_id = ? where id = ?").params(manager.id(), owner.id()).update();
		staff = accounts.byId(owner.id()).orElseThrow();
		week = LocalDate.of(2026, 11, 16);
	}

	@Test
	void submitThenApprove() {
		ProcessInstance instance = submit();
		assertThat(instance).isWaitingAt("ReviewWeek");
		Task review = tasks.createTaskQuery().processInstanceId(instance.getId()).initializeFormKeys().singleResult();
		assertThat(review.getAssignee()).isEqualTo(String.valueOf(manager.id()));
		assertThat(review.getFormKey()).isEqualTo("nexus:manager-review");

		asManager(() -> tasks.complete(review.getId(), Map.of("approved", true, "reviewedBy", String.valueOf(manager.id()))));

		assertThat(instance).isEnded().hasPassedInOrder("WeekSubmitted", "ReviewWeek", "ApprovedDecision", "LockWeek",
				"WeekApproved");
		assertThat(reviews.status(staff.id(), week).status()).isEqualTo("APPROVED");
		assertThat(reviews.status(staff.id(), week).decidedBy()).isEqualTo(manager.id());
	}

	@Test
	void submitRejectResubmitApprove() {
		ProcessInstance first = submit();
		asManager(() -> tasks.complete(task(first).getId(), Map.of("approved", false, "comment", "Tuesday is missing")));
		assertThat(first).isEnded().hasPassed("ReturnWeek", "WeekRejected").hasNotPassed("LockWeek");
		assertThat(reviews.status(staff.id(), week).status()).isEqualTo("REJECTED");
		assertThat(reviews.status(staff.id(), week).comment()).isEqualTo("Tuesday is missing");

		ProcessInstance second = submit();
		assertThat(second.getId()).isNotEqualTo(first.getId());
		asManager(() -> tasks.complete(task(second).getId(), Map.of("approved", true)));
		assertThat(second).isEnded().hasPassed("WeekApproved");
		assertThat(reviews.status(staff.id(), week).status()).isEqualTo("APPROVED");
	}

	@Test
	void aRejectionWithoutACommentIsRefused() {
		ProcessInstance instance = submit();
		Task review = task(instance);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> asManager(() -> tasks.complete(review.getId(), Map.of("approved", false))))
			.hasStackTraceContaining("comment");
		assertThat(instance).isWaitingAt("ReviewWeek");
	}

	@Test
	void recallReopensTheWeekWhileTheManagerHasNotDecided() {
		ProcessInstance instance = submit();
		reviews.recall(staff, week);
		assertThat(instance).isEnded().hasPassed("WeekRecalledByOwner", "ReopenWeek", "WeekRecalled")
			.hasNotPassed("ApprovedDecision");
		assertThat(reviews.status(staff.id(), week).status()).isEqualTo("OPEN");
	}

	@Test
	void submittingTwiceStartsOneReview() {
		ProcessInstance instance = submit();
		WeekStatus again = reviews.submit(staff, week);
		assertThat(again.processInstanceId()).isEqualTo(instance.getId());
		assertThat(runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(new WeekKey(staff.id(), week).businessKey()).count()).isEqualTo(1);
	}

	@Test
	void theReminderTimerFiresAndTheReviewGoesOn() {
		ProcessInstance instance = submit();
		Job timer = management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
		assertThat(timer).isNotNull();
		long days = java.time.Duration.between(java.time.Instant.now(), timer.getDuedate().toInstant()).toHours();
		assertThat(days).isBetween(47L, 48L); // P2D by default

		management.executeJob(timer.getId());

		assertThat(instance).hasPassed("ReviewWaitingTooLong", "RemindManager", "ManagerReminded")
			.isWaitingAt("ReviewWeek");
		assertThat(jdbc.sql("select count(*) from notification where user_id = ? and kind = 'REVIEW_WAITING'")
			.param(manager.id()).query(Long.class).single()).isEqualTo(1);
	}

	private ProcessInstance submit() {
		WeekStatus submitted = reviews.submit(staff, week);
		return runtime.createProcessInstanceQuery().processInstanceId(submitted.processInstanceId()).singleResult();
	}

	private Task task(ProcessInstance instance) {
		return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
	}

	/** Completes as the engine's authenticated manager, as the task list does for the signed-in person. */
	private void asManager(Runnable completion) {
		identity.setAuthenticatedUserId(String.valueOf(manager.id()));
		try {
			completion.run();
		}
		finally {
			identity.clearAuthentication();
		}
	}

}
