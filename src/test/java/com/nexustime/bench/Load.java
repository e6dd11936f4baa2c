package com.nexustime.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Closed-loop load: a fixed number of threads, each doing one operation after the other for a warm-up and then
 * a measured period. Only the measured period's operations are timed and counted, so the figure is a steady
 * rate, not a ramp. Bounded in time: nothing runs past the end of the measured period plus one operation.
 */
final class Load {

	/** One operation of one thread; {@code round} counts that thread's operations from 0. */
	interface Operation {
		void run(int thread, long round) throws Exception;
	}

	private Load() {
	}

	static Latencies run(int threads, Duration warmUp, Duration measured, Operation operation)
			throws InterruptedException {
		return run(threads, warmUp, measured, operation, null);
	}

	/**
	 * {@link #run(int, Duration, Duration, Operation)}, telling {@code period} when the measured period starts
	 * ({@code true}) and ends ({@code false}), from the calling thread (for CPU readings around exactly that period).
	 */
	static Latencies run(int threads, Duration warmUp, Duration measured, Operation operation,
			java.util.function.Consumer<Boolean> period) throws InterruptedException {
		long start = System.nanoTime();
		long measureFrom = start + warmUp.toNanos();
		long measureUntil = measureFrom + measured.toNanos();
		List<long[]> samples = new ArrayList<>();
		int[] counts = new int[threads];
		AtomicLong errors = new AtomicLong();
		AtomicReference<String> firstError = new AtomicReference<>();
		CountDownLatch done = new CountDownLatch(threads);
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			long[][] own = { new long[4096] };
			samples.add(null);
			int thread = t;
			Thread worker = new Thread(() -> {
				try {
					long round = 0;
					while (true) {
						long before = System.nanoTime();
						if (before >= measureUntil) {
							break;
						}
						boolean ok = true;
						try {
							operation.run(thread, round++);
						}
						catch (Exception ex) {
							ok = false;
							if (before >= measureFrom) {
								errors.incrementAndGet();
							}
							firstError.compareAndSet(null, String.valueOf(ex.getMessage()));
						}
						long after = System.nanoTime();
						if (ok && before >= measureFrom && after <= measureUntil) {
							if (counts[thread] == own[0].length) {
								own[0] = java.util.Arrays.copyOf(own[0], own[0].length * 2);
							}
							own[0][counts[thread]++] = after - before;
						}
					}
				}
				finally {
					synchronized (samples) {
						samples.set(thread, java.util.Arrays.copyOf(own[0], counts[thread]));
					}
					done.countDown();
				}
			}, "load-" + t);
			worker.setDaemon(true);
			workers.add(worker);
		}
		workers.forEach(Thread::start);
		if (period != null) {
			sleepUntil(measureFrom);
			period.accept(true);
			sleepUntil(measureUntil);
			period.accept(false);
		}
		// an operation stuck far past the end does not hold the benchmark: it is dropped
		done.await(measured.plus(warmUp).plusSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
		long total;
		long[] all;
		synchronized (samples) {
			total = samples.stream().mapToLong(s -> s == null ? 0 : s.length).sum();
			all = new long[(int) total];
			int at = 0;
			for (long[] s : samples) {
				if (s != null) {
					System.arraycopy(s, 0, all, at, s.length);
					at += s.length;
				}
			}
		}
		return Latencies.of(all, measured.toNanos() / 1e9, errors.get(), firstError.get());
	}

	private static void sleepUntil(long nanoTime) throws InterruptedException {
		long left = nanoTime - System.nanoTime();
		if (left > 0) {
			java.util.concurrent.TimeUnit.NANOSECONDS.sleep(left);
		}
	}

	/** A fixed number of operations one after the other (for slow ones such as a year's report). */
	static Latencies repeat(int warmUps, int times, Operation operation) throws Exception {
		for (int i = 0; i < warmUps; i++) {
			operation.run(0, i);
		}
		long[] nanos = new long[times];
		long started = System.nanoTime();
		for (int i = 0; i < times; i++) {
			long before = System.nanoTime();
			operation.run(0, warmUps + i);
			nanos[i] = System.nanoTime() - before;
		}
		return Latencies.of(nanos, (System.nanoTime() - started) / 1e9, 0, null);
	}
}
