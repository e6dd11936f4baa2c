package com.nexustime.finance;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.nexustime.catalog.ProjectStatus;
import com.nexustime.catalog.ProjectStatusChanged;

/**
 * What a project's new status means for its entries. Artwork complete finalizes the per-piece time, in the
 * transaction of the status change (a plain, synchronous listener). Obsolete needs no change to the entries:
 * the summary and the client approvals leave an obsolete project's unbilled time out when they read it.
 */
@Component
class ProjectStatusEffects {

	private final EntryFinalization finalization;

	ProjectStatusEffects(EntryFinalization finalization) {
		this.finalization = finalization;
	}

	@EventListener
	void on(ProjectStatusChanged change) {
		if (change.to() == ProjectStatus.ARTWORK_COMPLETE) {
			finalization.finalizePerPiece(change.projectId());
		}
	}
}
