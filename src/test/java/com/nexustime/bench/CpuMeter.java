package com.nexustime.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the machine's CPU goes during a measured period, read from Linux's {@code /proc}: the whole machine (busy
 * time of every core), the app's JVM, and PostgreSQL (the postmaster, its live backends, and the backends it has
 * already reaped), the load client (this JVM, with pgbench once it has ended); what is left is every other
 * process on the machine. Divided by the operations of the period,
 * it says how many CPU milliseconds one operation costs each side — the figure that bounds throughput on a machine
 * whose cores are all busy, and one that the machine's other load moves much less than a rate. On a system
 * without {@code /proc} every reading is zero and the note says so.
 */
final class CpuMeter {

	/** Linux's clock ticks per second for the times in /proc (USER_HZ, 100 on every common kernel). */
	private static final double TICKS_PER_SECOND = 100.0;

	private final long appPid;

	CpuMeter(long appPid) {
		this.appPid = appPid;
	}

	/** CPU time so far, in clock ticks. */
	record Reading(long machineBusy, long machineAll, long app, long postgres, long client) {
	}

	Reading read() {
		try {
			long[] machine = machine();
			// the benchmark's own JVM is the load client; pgbench, once waited for, counts in its reaped children
			return new Reading(machine[0], machine[1], processTicks(appPid, false), postgres(),
					processTicks(ProcessHandle.current().pid(), true));
		}
		catch (IOException | RuntimeException unreadable) {
			return new Reading(0, 0, 0, 0, 0);
		}
	}

	/**
	 * "CPU per save: 5.41 ms on the machine (app 3.30, PostgreSQL 1.62, load client 0.40, other processes 0.09);
	 * cores busy 99 %",
	 * for {@code operations} done between the two readings.
	 */
	static String perOperation(String what, Reading before, Reading after, long operations) {
		long all = after.machineAll() - before.machineAll();
		if (all <= 0 || operations <= 0) {
			return "CPU per " + what + ": not measured (no /proc on this system)";
		}
		double machine = millis(after.machineBusy() - before.machineBusy()) / operations;
		double app = millis(after.app() - before.app()) / operations;
		double postgres = millis(after.postgres() - before.postgres()) / operations;
		double client = millis(after.client() - before.client()) / operations;
		double rest = Math.max(0, machine - app - postgres - client);
		double busy = 100.0 * (after.machineBusy() - before.machineBusy()) / all;
		String parts = (app > 0 ? "app %.2f, ".formatted(app) : "")
				+ "PostgreSQL %.2f, load client %.2f, other processes %.2f".formatted(postgres, client, rest);
		return "CPU per %s: %.2f ms on the machine (%s); cores busy %.0f %%".formatted(what, machine, parts, busy);
	}

	private static double millis(long ticks) {
		return ticks * 1000.0 / TICKS_PER_SECOND;
	}

	/* busy and total ticks of all cores, from the first line of /proc/stat */
	private static long[] machine() throws IOException {
		String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
		long all = 0;
		long idle = 0;
		for (int i = 1; i < fields.length && i <= 8; i++) {
			long value = Long.parseLong(fields[i]);
			all += value;
			if (i == 4 || i == 5) { // idle, iowait
				idle += value;
			}
		}
		return new long[] { all - idle, all };
	}

	/*
	 * Every process named "postgres": the postmaster with the time of the backends it has reaped (cutime, cstime),
	 * the live backends with their own. A backend that ends between two readings moves from the second group to
	 * the first, so the sum only grows.
	 */
	private static long postgres() throws IOException {
		Map<Long, Long> parentOf = new HashMap<>();
		List<Long> pids;
		try (Stream<Path> proc = Files.list(Path.of("/proc"))) {
			pids = proc.map(p -> p.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
				.map(Long::valueOf).toList();
		}
		for (long pid : pids) {
			String[] stat = stat(pid);
			if (stat != null && "(postgres)".equals(stat[1])) {
				parentOf.put(pid, Long.parseLong(stat[3]));
			}
		}
		long total = 0;
		for (Map.Entry<Long, Long> process : parentOf.entrySet()) {
			boolean postmaster = !parentOf.containsKey(process.getValue());
			total += processTicks(process.getKey(), postmaster);
		}
		return total;
	}

	private static long processTicks(long pid, boolean withReapedChildren) {
		String[] stat = stat(pid);
		if (stat == null) {
			return 0;
		}
		// fields 14-17 of /proc/<pid>/stat: utime, stime, cutime, cstime
		long own = Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
		return withReapedChildren ? own + Long.parseLong(stat[15]) + Long.parseLong(stat[16]) : own;
	}

	/* /proc/<pid>/stat split into fields, the command name (which may hold spaces) kept as one; null once gone */
	private static String[] stat(long pid) {
		try {
			String line = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
			int open = line.indexOf('(');
			int close = line.lastIndexOf(')');
			String[] rest = line.substring(close + 2).trim().split("\\s+");
			String[] fields = new String[rest.length + 2];
			fields[0] = line.substring(0, open).trim();
			fields[1] = line.substring(open, close + 1);
			System.arraycopy(rest, 0, fields, 2, rest.length);
			return fields;
		}
		catch (IOException | RuntimeException gone) {
			return null;
		}
	}

}
