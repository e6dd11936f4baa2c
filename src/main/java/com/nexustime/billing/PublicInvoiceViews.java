package com.nexustime.billing;

import java.time.Instant;

/**
 * What staff see of the client opening a sent invoice from its link: when first and from which address, how
 * often, and until when the newest link works. Never the link itself.
 */
public record PublicInvoiceViews(Instant firstViewedAt, String firstViewedFrom, int count, Instant expiresAt) {
}
