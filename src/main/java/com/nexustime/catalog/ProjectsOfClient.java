package com.nexustime.catalog;

import java.util.List;

import org.springframework.stereotype.Component;

import com.nexustime.crm.ClientProjects;

/** The catalog's answer to the client page: its projects of one client. */
@Component
class ProjectsOfClient implements ClientProjects {

	private final ProjectService projects;

	ProjectsOfClient(ProjectService projects) {
		this.projects = projects;
	}

	@Override
	public List<ClientProject> of(long contactId) {
		return projects.list(contactId).stream()
			.map(p -> new ClientProject(p.id(), p.name(), name(p.type()), name(p.billingMode()), name(p.status())))
			.toList();
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}
}
