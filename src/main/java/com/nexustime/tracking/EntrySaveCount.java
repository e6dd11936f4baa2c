package com.nexustime.tracking;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts saved entries for the metrics ({@code nexus_entry_saves_total}, by change): one increment in memory
 * once the save's transaction commits, so a refused or rolled-back save is not counted and no query is added.
 */
@Component
class EntrySaveCount {

	private final Counter created;

	private final Counter updated;

	private final Counter deleted;

	EntrySaveCount(MeterRegistry registry) {
		this.created = counter(registry, "create");
		this.updated = counter(registry, "update");
		this.deleted = counter(registry, "delete");
	}

	private static Counter counter(MeterRegistry registry, String change) {
		return Counter.builder("nexus.entry.saves").description("time entries saved, by change")
			.tag("change", change).register(registry);
	}

	void created() {
		afterCommit(created);
	}

	void updated() {
		afterCommit(updated);
	}

	void deleted() {
		afterCommit(deleted);
	}

	private static void afterCommit(Counter counter) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			counter.increment();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				counter.increment();
			}
		});
	}
}
