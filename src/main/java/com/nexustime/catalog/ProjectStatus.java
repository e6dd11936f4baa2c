package com.nexustime.catalog;

/** Only ACTIVE projects accept time; ARTWORK_COMPLETE finalizes per-piece work; OBSOLETE is never billed. */
public enum ProjectStatus {
	ACTIVE, ARTWORK_COMPLETE, OBSOLETE, CLOSED
}
