package com.nexustime.catalog;

/** Decides which activities a project offers: per-piece and electronic work carries no management time. */
public enum ProjectType {
	STANDARD, PER_PIECE, ELECTRONIC
}
