package com.nexustime.approval;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.nexustime.tracking.EntryHolds;

/** Approval's answer to tracking: the request that holds an entry, from {@link PendingApprovals}. */
@Component
class ApprovalHolds implements EntryHolds {

	private final PendingApprovals approvals;

	ApprovalHolds(PendingApprovals approvals) {
		this.approvals = approvals;
	}

	@Override
	public Optional<Hold> holding(long entryId) {
		return approvals.holding(entryId).map(h -> new Hold(h.approvalId(), h.signed(), h.description()));
	}
}
