package com.nexustime.rules;

/**
 * Present in an invoicing session when the question is what a client approval sends for the client to sign
 * hour by hour (rather than what an invoice may bill): rules that keep time out of a signature match on it.
 */
public record SignedByTheHour() {
}
