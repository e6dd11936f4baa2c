package com.nexustime.system;

import java.util.List;

/**
 * The tables the application may only append to and read: owned by the audit role, the application role gets
 * {@code INSERT, SELECT} on them and nothing else. The one list the privilege step and the tests read; a name
 * whose table does not exist (yet) is skipped.
 */
public final class AppendOnlyTables {

	/** Add a new insert-only table here; the next start (after its migration) applies the grants. */
	public static final List<String> NAMES = List.of("audit_log", "audit_seal", "audit_mac_start");

	private AppendOnlyTables() {
	}
}
