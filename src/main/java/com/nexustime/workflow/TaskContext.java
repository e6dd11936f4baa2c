package com.nexustime.workflow;

import java.util.Map;

/**
 * What a task page shows beside its form, contributed by the feature whose process owns the task (the week's
 * hours for a weekly review, the submission for a client approval).
 */
public interface TaskContext {

	/** The process definition key this context belongs to. */
	String processDefinitionKey();

	/** The Thymeleaf fragment that renders the context, e.g. {@code "review/week :: summary"}. */
	String fragment();

	/** The model attributes the fragment needs, for the process instance with this business key. */
	Map<String, Object> model(String businessKey);
}
