package com.nexustime.timesheet;

/** Input the grid cannot read (a week start that is not one, hours that are not hours): 400 naming the field. */
class GridInputException extends RuntimeException {

	private final String field;

	GridInputException(String field, String message) {
		super(message);
		this.field = field;
	}

	String field() {
		return field;
	}
}
