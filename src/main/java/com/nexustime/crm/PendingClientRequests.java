package com.nexustime.crm;

import java.util.List;

/**
 * Requests that still wait for a client's answer at the address they were sent to. The approval module keeps
 * them and implements this; crm asks before a client's email changes, without depending on approval.
 */
public interface PendingClientRequests {

	/** The waiting requests of the client, described for the person refused, oldest first; empty when none. */
	List<String> pendingFor(long contactId);
}
