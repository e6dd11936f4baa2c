package com.nexustime.workflow;

import java.util.Map;
import java.util.Optional;

import com.nexustime.system.security.CurrentUser;

/**
 * What the feature whose process owns a task adds to the tasklist: what the task page shows beside its form
 * (the week's hours for a weekly review, the submission for a client approval) and the feature's own rule on
 * who may not work on the task, which the tasklist applies on top of the engine's assignment.
 */
public interface TaskContext {

	/** The process definition key this context belongs to. */
	String processDefinitionKey();

	/** The Thymeleaf fragment that renders the context, e.g. {@code "review/week :: summary"}. */
	String fragment();

	/** The model attributes the fragment needs, for the process instance with this business key. */
	Map<String, Object> model(String businessKey);

	/**
	 * Why this person may not see, claim or complete the tasks of the process instance with this business key,
	 * or empty when the engine's assignment alone decides. Admins are not exempt.
	 */
	default Optional<String> refusal(CurrentUser person, String businessKey) {
		return Optional.empty();
	}
}
