package com.nexustime.catalog;

import java.time.LocalDate;

/**
 * Published inside the transaction that completes an artwork, so that finalizing its time entries commits or
 * rolls back with the completion.
 */
public record ArtworkCompleted(long artworkId, long projectId, LocalDate on) {
}
