package com.nexustime.crm;

import java.util.List;

/**
 * The projects of a client, for the client's page. Projects belong to the catalog, which depends on crm for their
 * client; the catalog implements this so that crm never depends on it back.
 */
public interface ClientProjects {

	/** A project as the client page lists it. */
	record ClientProject(long id, String name, String type, String billingMode, String status) {
	}

	/** The client's projects by name. */
	List<ClientProject> of(long contactId);
}
