package com.nexustime.reporting;

import java.util.List;
import java.util.stream.Collectors;

/** Report parameters that cannot be answered: each problem names the parameter and what is wrong with it. */
public class InvalidReportException extends RuntimeException {

	public record Problem(String field, String message) {
	}

	private final transient List<Problem> problems;

	InvalidReportException(List<Problem> problems) {
		super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return problems;
	}
}
