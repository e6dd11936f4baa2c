package com.nexustime.approval;

/** How the lines sent to the client are grouped: by project, project and activity, person, or day. */
public enum Grouping {

	PROJECT, TASK, USER, DAY;

	String label(CoveredEntry entry) {
		return switch (this) {
			case PROJECT -> entry.projectName();
			case TASK -> entry.activityName() == null ? entry.projectName()
					: entry.projectName() + " · " + entry.activityName();
			case USER -> entry.userName();
			case DAY -> entry.date().toString();
		};
	}
}
