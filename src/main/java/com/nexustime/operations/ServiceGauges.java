package com.nexustime.operations;

import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

import com.nexustime.audit.AuditSealer;
import com.nexustime.notify.OutboxSender;
import com.nexustime.workflow.EngineStatus;

/**
 * The backlogs an operator watches, read when Prometheus scrapes (one indexed count each, through the owning
 * module's API): jobs due in the engine, jobs that failed for good, mail waiting in the outbox, audit records
 * not yet sealed. Growing values mean work is piling up faster than the node does it.
 */
@Component
class ServiceGauges implements MeterBinder {

	private final EngineStatus engine;

	private final OutboxSender outbox;

	private final AuditSealer sealer;

	ServiceGauges(EngineStatus engine, OutboxSender outbox, AuditSealer sealer) {
		this.engine = engine;
		this.outbox = outbox;
		this.sealer = sealer;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		gauge(registry, "nexus.jobs.due", "engine jobs due and not yet executed", engine::jobsDue);
		gauge(registry, "nexus.jobs.failed", "engine jobs that failed with no retries left", engine::jobsFailed);
		gauge(registry, "nexus.outbox.unsent", "mails waiting in the outbox", outbox::unsent);
		gauge(registry, "nexus.audit.unsealed", "audit records not yet sealed into the chain", sealer::unsealed);
	}

	private static void gauge(MeterRegistry registry, String name, String description, LongSupplier count) {
		// read at scrape time; an unreachable database shows as NaN rather than failing the whole scrape
		Gauge.builder(name, count, c -> c.getAsLong()).description(description).strongReference(true)
			.register(registry);
	}
}
