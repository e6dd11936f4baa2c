package com.nexustime.rules;

/**
 * The week-locking rules' answer: whether the change is allowed, whether it is an admin override that the
 * audit log must flag, and the reason (phrased for the user; null when allowed without remark).
 */
public record LockDecision(boolean allowed, boolean audited, String reason) {

	/** Called by a rule: the change may go ahead. */
	public static LockDecision allow() {
		return new LockDecision(true, false, null);
	}

	/** Called by a rule: an admin may go ahead, and the audit log records it as an override. */
	public static LockDecision allowAudited(String reason) {
		return new LockDecision(true, true, reason);
	}

	/** Called by a rule: the change is refused, for {@code reason}. */
	public static LockDecision refuse(String reason) {
		return new LockDecision(false, false, reason);
	}
}
