package com.nexustime.system.security;

/** What a person may do. PROCESS_OWNER is the group that may deploy diagrams and open Cockpit. */
public enum Role {
	STAFF, MANAGER, ADMIN, AUDITOR, PROCESS_OWNER
}
