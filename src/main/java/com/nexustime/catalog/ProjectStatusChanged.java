package com.nexustime.catalog;

/**
 * Published inside the transaction that changes a project's status, so that what the new status means for the
 * project's entries (artwork complete finalizes per-piece time) commits or rolls back with the change.
 */
public record ProjectStatusChanged(long projectId, ProjectStatus from, ProjectStatus to) {
}
