package com.nexustime.bench;

import java.util.Arrays;

/**
 * Latencies of one measured phase, in nanoseconds, with the count of operations and the seconds they took.
 * Percentiles are exact (sorted), not bucketed: a phase records at most a few hundred thousand samples.
 */
record Latencies(long[] sortedNanos, double seconds, long errors, String firstError) {

	static Latencies of(long[] nanos, double seconds, long errors, String firstError) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return new Latencies(sorted, seconds, errors, firstError);
	}

	long count() {
		return sortedNanos.length;
	}

	double perSecond() {
		return seconds <= 0 ? 0 : count() / seconds;
	}

	/** The latency at a percentile (0–100) in milliseconds, nearest rank. */
	double millis(double percentile) {
		if (sortedNanos.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(percentile / 100.0 * sortedNanos.length);
		return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1_000_000.0;
	}

	double meanMicros() {
		return sortedNanos.length == 0 ? Double.NaN
				: Arrays.stream(sortedNanos).average().orElse(0) / 1_000.0;
	}

	/** "123/s, p50 4.1 ms, p99 17 ms" plus errors when there were any. */
	String rateAndPercentiles() {
		return "%s/s, p50 %s ms, p99 %s ms%s".formatted(Table.number(perSecond()), Table.number(millis(50)),
				Table.number(millis(99)), errorsNote());
	}

	String percentiles() {
		return "p50 %s ms, p99 %s ms%s".formatted(Table.number(millis(50)), Table.number(millis(99)), errorsNote());
	}

	String errorsNote() {
		return errors == 0 ? "" : " (%d errors, first: %s)".formatted(errors, firstError);
	}
}
