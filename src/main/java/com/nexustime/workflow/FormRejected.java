package com.nexustime.workflow;

import java.util.List;
import java.util.stream.Collectors;

import com.nexustime.system.web.RuleViolationException;

/** The submitted values break the task form's own rules: every refused field with its message. */
public class FormRejected extends RuleViolationException {

	private final List<FormValidation.FieldError> errors;

	FormRejected(List<FormValidation.FieldError> errors) {
		super(errors.get(0).field(), errors.stream().map(FormValidation.FieldError::message)
			.collect(Collectors.joining(" ")));
		this.errors = List.copyOf(errors);
	}

	public List<FormValidation.FieldError> errors() {
		return errors;
	}
}
