package com.nexustime.rules;

import java.util.List;
import java.util.stream.Collectors;

/** The rule files do not compile; the message names every file, line and Drools message. */
public class RuleBuildException extends RuntimeException {

	private final transient List<RuleLoad.RuleError> errors;

	public RuleBuildException(String location, List<RuleLoad.RuleError> errors) {
		super("The rules in " + location + " do not compile:\n  "
				+ errors.stream().map(RuleLoad.RuleError::toString).collect(Collectors.joining("\n  ")));
		this.errors = List.copyOf(errors);
	}

	public List<RuleLoad.RuleError> errors() {
		return errors;
	}
}
