package com.nexustime.workflow;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;

import com.nexustime.support.BrowserTest;
import com.nexustime.support.TestUsers;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The task page of a form with every component kind, on a phone and on a laptop: each field is visible with its
 * label, a condition shows and hides its field as the person types, a refusal is shown beside the field, and
 * axe-core finds nothing serious before or after.
 */
class RichTaskFormBrowserTest extends BrowserTest {

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	private static Locator label(Page page, String text) {
		return page.getByLabel(text, new Page.GetByLabelOptions().setExact(true));
	}

	@ParameterizedTest
	@EnumSource(Screen.class)
	void everyKindIsVisibleLabelledAndAccessible(Screen screen) {
		try (RichForm.Deployed rich = new RichForm.Deployed(repository, runtime, tasks)) {
			Page page = signedIn(TestUsers.create(jdbc, "MANAGER").email(), TestUsers.PASSWORD, screen);
			page.navigate(url("/tasks/" + rich.taskId));

			assertAccessible(page);
			for (String field : new String[] { "Your name", "Email", "Notes", "Hours", "People", "Urgent", "Hammer",
					"Drill", "Medium", "Large", "Colour", "Tags", "Due date", "Office", "Cost code" }) {
				assertUsable(page.getByLabel(field).first());
			}
			assertThat(page.getByText("Whole or half hours.")).isVisible();
			assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.GROUP,
					new Page.GetByRoleOptions().setName("Extra details"))).isVisible();
			assertThat(page.getByText("Upload a scan")).hasCount(0);

			assertThat(page.getByLabel("Why urgent")).isHidden();
			label(page, "Urgent").check();
			assertThat(page.getByLabel("Why urgent")).isVisible();
			assertThat(page.getByLabel("Needs a second reviewer")).isVisible();
			page.getByLabel("Hours").fill("12");
			assertThat(page.getByLabel("Needs a second reviewer")).isHidden();

			page.getByLabel("Your name").fill("Ada");
			page.getByLabel("Hours").fill("50");
			assertUsable(button(page, "Complete task")).click();
			page.waitForLoadState();

			assertThat(page.locator("#f-hours-error")).hasText("Hours must be at most 40.");
			assertThat(page.getByLabel("Hours")).hasValue("50");
			assertThat(page.getByLabel("Your name")).hasValue("Ada");
			assertThat(page.getByLabel("Why urgent")).isVisible();
			assertThat(page.locator("#form-errors")).isFocused();
			assertThat(page.getByLabel("Hours").getAttribute("aria-describedby")).contains("f-hours-error");
			assertAccessible(page);
			assertThat(tasks.createTaskQuery().taskId(rich.taskId).count()).isEqualTo(1);
		}
	}
}
