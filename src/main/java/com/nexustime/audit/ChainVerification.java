package com.nexustime.audit;

/** The outcome of checking the whole chain: how many records, and the first one whose hash or link is wrong. */
public record ChainVerification(boolean ok, long checked, Long firstBrokenId) {
}
