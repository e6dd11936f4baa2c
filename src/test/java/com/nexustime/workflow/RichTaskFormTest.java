package com.nexustime.workflow;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.nexustime.support.EditedForms;
import com.nexustime.support.FormSession;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process owner adds fields of every kind to a copy of a shipped form: the task page shows each with its label,
 * description and options; completing checks the form's own rules (422 through the API, the page keeps what was
 * typed) and the values reach the process with their types.
 */
class RichTaskFormTest extends IntegrationTest {

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	/** The copy of a shipped form with the rich components, deployed with a process that names it. */
	private RichForm.Deployed richTask() {
		return new RichForm.Deployed(repository, runtime, tasks);
	}

	private static Map<String, Object> validPost() {
		Map<String, Object> post = new LinkedHashMap<>();
		post.put("outcome", "NEW_PO");
		post.put("name", "Ada");
		post.put("email", "ada@example.com");
		post.put("hours", "7.5");
		post.put("people", "3");
		post.put("urgent", List.of("false", "true"));
		post.put("reason", "The client waits");
		post.put("tools", List.of("hammer", "drill"));
		post.put("size", "L");
		post.put("colour", "green");
		post.put("tags", List.of("a", "c"));
		post.put("due", "2030-01-31");
		post.put("office", "LIS");
		post.put("bigJob", List.of("false", "true"));
		post.put("code", "HACKED");
		post.put("internal", "sneaked in");
		post.put("reviewedBy", "someone else");
		post.put("processOwnerOverride", "true");
		return post;
	}

	@Test
	void thePageShowsEveryKindWithItsLabelDescriptionAndOptions() {
		try (RichForm.Deployed rich = richTask()) {
			FormSession browser = FormSession.signIn(port, TestUsers.create(jdbc, "MANAGER").email(), TestUsers.PASSWORD);
			FormSession.Page page = browser.get("/tasks/" + rich.taskId);
			assertThat(page.status()).isEqualTo(200);
			String body = page.body().replaceAll("\\s+", " ");

			assertThat(body).contains("Secure additional PO funds", "Rich request");
			assertThat(body).contains("<label class=\"form-label\" for=\"f-name\"><span>Your name</span>",
					"id=\"f-name\" name=\"name\"", "aria-describedby=\"f-name-description\"",
					"id=\"f-name-description\">As on your badge.</div>", "minlength=\"2\"", "maxlength=\"40\"");
			assertThat(body).contains("type=\"email\"");
			assertThat(body).contains("<textarea", "id=\"f-notes\"", "Anything the reviewer should know.");
			assertThat(body).contains("type=\"number\"", "id=\"f-hours\"", "step=\"0.1\"", "min=\"0\"", "max=\"40\"",
					"Whole or half hours.");
			assertThat(body).contains("type=\"checkbox\" id=\"f-urgent\"", "Tick when it cannot wait.");
			assertThat(body).contains("<legend class=\"form-label fs-6\"><span>Tools</span>", "id=\"f-tools-0\"",
					"value=\"hammer\"", ">Hammer</label>", ">Saw</label>", ">Drill</label>", "All that apply.");
			assertThat(body).containsPattern("type=\"radio\" id=\"f-size-1\" name=\"size\" value=\"M\"[^>]*checked=\"checked\"")
				.contains(">Small</label>", ">Large</label>");
			assertThat(body).contains("<select class=\"form-select\" id=\"f-colour\" name=\"colour\"", ">Red</option>",
					">Green</option>");
			assertThat(body).containsPattern("<select [^>]*id=\"f-tags\" name=\"tags\"[^>]*multiple=\"multiple\"")
				.contains(">Alpha</option>", ">Gamma</option>");
			assertThat(body).contains("type=\"date\" id=\"f-due\"", "<span>Due date</span>", "The last day it is useful.");
			assertThat(body).contains("id=\"f-office\"", "value=\"BER\">Berlin</option>", "value=\"LIS\">Lisbon</option>");
			assertThat(body).contains("<hr>", "<legend class=\"h6\">Extra details</legend>", "height: 30px");
			assertThat(body).contains("id=\"f-code\" name=\"code\" value=\"CC-7\"", "readonly=\"readonly\"");
			assertThat(body).contains("id=\"f-internal\"", "disabled=\"disabled\"");
			assertThat(body).as("a kind this application does not know is left out").doesNotContain("Upload a scan");
			assertThat(body).as("hidden while not urgent").containsPattern(
					"id=\"f-reason-component\"[^>]*data-hide-key=\"urgent\" data-hide-op=\"not\"[^>]*hidden=\"hidden\"");
			assertThat(body).contains("/js/task-form.js");
		}
	}

	@Test
	void invalidValuesAreRefusedWithTheFieldAndTheRulesMessage() {
		try (RichForm.Deployed rich = richTask()) {
			TestUsers.TestUser manager = TestUsers.create(jdbc, "MANAGER");
			Map<String, Object> json = new HashMap<>(Map.of("outcome", "NEW_PO", "name", "Ada", "hours", 50,
					"tools", List.of("hammer", "chainsaw"), "size", "M", "due", "2030-01-31", "urgent", true));
			var refused = manager.client(api).post("/api/v1/tasks/" + rich.taskId + "/complete", json);
			assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			Map<String, String> errors = new HashMap<>();
			refused.json().get("errors").forEach(e -> errors.put(e.get("field").asText(), e.get("message").asText()));
			assertThat(errors).containsEntry("hours", "Hours must be at most 40.")
				.containsEntry("tools", "Tools must hold only the offered options.")
				.containsEntry("reason", "Why urgent is required.")
				.hasSize(3);
			assertThat(refused.json().get("detail").asText()).contains("hours: Hours must be at most 40.");
			assertThat(tasks.createTaskQuery().taskId(rich.taskId).count()).as("the task stays open").isEqualTo(1);

			FormSession browser = FormSession.signIn(port, manager.email(), TestUsers.PASSWORD);
			browser.get("/tasks/" + rich.taskId);
			Map<String, Object> typed = validPost();
			typed.put("name", "x");
			typed.put("hours", "50");
			typed.put("notes", "a note that is far too long for the form");
			typed.put("tools", List.of());
			typed.remove("tools");
			FormSession.Page page = browser.post("/tasks/" + rich.taskId, typed);
			assertThat(page.status()).isEqualTo(200);
			String body = page.body().replaceAll("\\s+", " ");
			assertThat(body).contains("id=\"form-errors\"", "fields need your attention");
			assertThat(body).contains("id=\"f-hours-error\">Hours must be at most 40.</div>",
					"id=\"f-name-error\">Your name must have at least 2 characters.</div>",
					"id=\"f-notes-error\">Notes must have at most 20 characters.</div>",
					"id=\"f-tools-error\">Tools is required.</div>");
			assertThat(body).as("the page keeps what was typed").contains("id=\"f-hours\" name=\"hours\" value=\"50\"",
					"id=\"f-name\" name=\"name\" value=\"x\"", "a note that is far too long for the form</textarea>",
"value=\"green\" selected=\"selected\"",
					"value=\"c\" selected=\"selected\"", "value=\"2030-01-31\"", "value=\"The client waits\"");
			assertThat(body).containsPattern("id=\"f-size-2\" name=\"size\" value=\"L\"[^>]*checked=\"checked\"");
			assertThat(body).contains("aria-invalid=\"true\" aria-describedby=\"f-hours-description f-hours-error\"");
			assertThat(body).as("urgent was ticked, so the reason shows").doesNotContainPattern(
					"id=\"f-reason-component\"[^>]*hidden=\"hidden\"").contains("id=\"f-reason-component\"");
			assertThat(tasks.createTaskQuery().taskId(rich.taskId).count()).isEqualTo(1);
		}
	}

	@Test
	void validValuesReachTheProcessWithTheirTypes() {
		try (RichForm.Deployed rich = richTask()) {
			TestUsers.TestUser manager = TestUsers.create(jdbc, "MANAGER");
			FormSession browser = FormSession.signIn(port, manager.email(), TestUsers.PASSWORD);
			browser.get("/tasks/" + rich.taskId);
			FormSession.Page done = browser.post("/tasks/" + rich.taskId, validPost());
			assertThat(done.status()).as(done.body()).isEqualTo(302);

			Map<String, Object> v = runtime.getVariables(rich.instance);
			assertThat(v.get("hours")).isInstanceOf(Number.class).isEqualTo(7.5);
			assertThat(v.get("people")).isInstanceOf(Long.class).isEqualTo(3L);
			assertThat(v.get("urgent")).isEqualTo(Boolean.TRUE);
			assertThat(v.get("bigJob")).as("hidden below 30 hours, so not submitted").isNull();
			assertThat(v).doesNotContainKey("bigJob");
			assertThat(v.get("tools")).isInstanceOf(List.class).isEqualTo(List.of("hammer", "drill"));
			assertThat(v.get("tags")).isEqualTo(List.of("a", "c"));
			assertThat(v.get("size")).isEqualTo("L");
			assertThat(v.get("colour")).isEqualTo("green");
			assertThat(v.get("office")).isEqualTo("LIS");
			assertThat(v.get("due")).isEqualTo("2030-01-31");
			assertThat(v.get("name")).isEqualTo("Ada");
			assertThat(v.get("reason")).isEqualTo("The client waits");
			assertThat(v.get("code")).as("read-only keeps its default").isEqualTo("CC-7");
			assertThat(v.get("outcome")).as("the shipped form's own field").isEqualTo("NEW_PO");
			assertThat(v.get("reviewedBy")).isEqualTo(String.valueOf(manager.id()));
			assertThat(v).doesNotContainKeys("internal", "processOwnerOverride", "upload");
		}
	}

	@Test
	void theApiCompletesWithJsonValuesTypedTheSameWay() {
		try (RichForm.Deployed rich = richTask()) {
			TestUsers.TestUser manager = TestUsers.create(jdbc, "MANAGER");
			Map<String, Object> json = new HashMap<>(Map.of("outcome", "NO_FUNDS_NEEDED", "name", "Bo", "hours", 32,
					"tools", "saw", "size", "S", "due", "2030-02-01", "urgent", false, "bigJob", true));
			var done = manager.client(api).post("/api/v1/tasks/" + rich.taskId + "/complete", json);
			assertThat(done.status()).as(done.toString()).isEqualTo(204);
			Map<String, Object> v = runtime.getVariables(rich.instance);
			assertThat(v.get("hours")).isEqualTo(32L);
			assertThat(v.get("tools")).isEqualTo(List.of("saw"));
			assertThat(v.get("bigJob")).isEqualTo(Boolean.TRUE);
			assertThat(v.get("urgent")).isEqualTo(Boolean.FALSE);
			assertThat(v).doesNotContainKey("reason");
		}
	}

	@Test
	void aFormTooLargeToReadIsRefusedWithoutFailingThePage() {
		try (RichForm.Deployed rich = richTask();
				EditedForms huge = EditedForms.put(RichForm.FILE, "{\"components\": [" + "{\"type\": \"spacer\"},".repeat(600)
						+ "{\"type\": \"spacer\"}]}")) {
			TestUsers.TestUser manager = TestUsers.create(jdbc, "MANAGER");
			FormSession browser = FormSession.signIn(port, manager.email(), TestUsers.PASSWORD);
			FormSession.Page page = browser.get("/tasks/" + rich.taskId);
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.body()).contains("cannot be read", "more than 500 components");
			var refused = manager.client(api).post("/api/v1/tasks/" + rich.taskId + "/complete", Map.of());
			assertThat(refused.status()).isEqualTo(422);
			JsonNode problem = refused.json();
			assertThat(problem.get("detail").asText()).contains("more than 500 components");
		}
	}
}
