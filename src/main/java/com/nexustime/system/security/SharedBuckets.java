package com.nexustime.system.security;

import java.time.Duration;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets every app node shares: their state lives in PostgreSQL ({@code rate_limit_bucket}), one row per
 * key, changed under {@code SELECT … FOR UPDATE} of that row only, so two nodes count against the same limit and
 * unrelated keys never wait for each other. A bucket that has refilled completely is forgotten a little later (a
 * full bucket and a missing one behave alike).
 */
@Component
public class SharedBuckets {

	private static final Logger log = LoggerFactory.getLogger(SharedBuckets.class);

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

	SharedBuckets(DataSource dataSource) {
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
					Duration.ofMinutes(1)))
			.build();
	}

	/**
	 * Takes one token from the bucket of {@code key} (made with {@code limits} the first time). The probe says
	 * whether there was one and, if not, how long until there is.
	 */
	public ConsumptionProbe take(String key, BucketConfiguration limits) {
		return buckets.builder().build(key, () -> limits).tryConsumeAndReturnRemaining(1);
	}

	/** Forgets buckets that are full again, a batch at a time. */
	@Scheduled(fixedDelayString = "${nexus.rate-limits.clean-every:10m}", initialDelayString = "1m")
	void forgetFullBuckets() {
		int removed;
		int total = 0;
		do {
			removed = buckets.removeExpired(1000);
			total += removed;
		}
		while (removed == 1000);
		if (total > 0) {
			log.debug("Forgot {} full rate-limit buckets", total);
		}
	}
}
