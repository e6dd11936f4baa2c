package com.nexustime.workflow;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/** The weekly-timesheet diagram as deployed from processes/ at start-up, driven through the engine. */
class WeeklyTimesheetProcessTest extends IntegrationTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@BeforeEach
	void initAssertions() {
		BpmnAwareTests.init(engine);
	}

	@Test
	void submittedWeekWaitsForItsManagerWithTheReviewForm() {
		ProcessInstance week = submit("manager-41");

		assertThat(week).isStarted().hasPassed("WeekSubmitted").isWaitingAt("ReviewWeek");
		Task review = tasks.createTaskQuery().processInstanceId(week.getId()).initializeFormKeys().singleResult();
		assertThat(review.getName()).isEqualTo("Review week");
		assertThat(review.getAssignee()).isEqualTo("manager-41");
		assertThat(review.getFormKey()).isEqualTo("nexus:manager-review");
		assertThat(tasks.createTaskQuery().taskCandidateGroup("managers").includeAssignedTasks()
			.processInstanceId(week.getId()).count()).isEqualTo(1);
	}

	@Test
	void approvedWeekEndsAsApproved() {
		ProcessInstance week = submit("manager-42");

		BpmnAwareTests.complete(BpmnAwareTests.task(week), Map.of("approved", true));

		assertThat(week).isEnded().hasPassedInOrder("WeekSubmitted", "ReviewWeek", "ApprovedDecision", "WeekApproved")
			.hasNotPassed("WeekRejected");
	}

	@Test
	void rejectedWeekEndsAsRejectedWithTheComment() {
		ProcessInstance week = submit("manager-43");

		BpmnAwareTests.complete(BpmnAwareTests.task(week),
				Map.of("approved", false, "comment", "Tuesday's hours belong to another project"));

		assertThat(week).isEnded().hasPassed("WeekRejected").hasNotPassed("WeekApproved")
			.variables().containsEntry("comment", "Tuesday's hours belong to another project");
	}

	private ProcessInstance submit(String managerId) {
		return runtime.startProcessInstanceByKey("weekly-timesheet", "week-test-" + System.nanoTime(),
				Map.of("managerId", managerId));
	}
}
