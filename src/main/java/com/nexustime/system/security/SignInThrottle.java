package com.nexustime.system.security;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import com.nexustime.system.ServerKey;

/**
 * Slows down password guessing, on every node alike. Each failed password (form login or HTTP Basic) takes a token
 * from two shared buckets: the account's (the email as typed, known or not, so that the answer tells nothing about
 * which accounts exist) and the client address's (the peer, or behind a trusted proxy the address it forwarded).
 * When either runs out, that key is blocked until its next token: every sign-in with it is refused before its
 * password is even checked, a correct one too. The account's limit is generous and short: 10 failures, then one
 * more try every 30 seconds, so someone guessing from many addresses gets at most about 120 tries an hour, and
 * the owner of the account is kept waiting at most 30 seconds at a time. The address's limit (20, then one every
 * 30 seconds) stops one machine spraying passwords over many accounts.
 *
 * <p>Keys are keyed hashes ({@link ServerKey}), never the email or address itself. Blocks are kept in
 * {@code sign_in_block}, read by primary key before a password is checked (one indexed read); the buckets in
 * {@code rate_limit_bucket} are written only when a password was wrong.
 */
@Component
class SignInThrottle {

	private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

	private final SharedBuckets buckets;

	private final JdbcClient jdbc;

	private final ServerKey serverKey;

	private final BucketConfiguration accountLimit;

	private final BucketConfiguration addressLimit;

	private final Duration accountEvery;

	private final Duration addressEvery;

	SignInThrottle(SharedBuckets buckets, JdbcClient jdbc, ServerKey serverKey,
			@Value("${nexus.sign-in.account-failures:10}") int accountFailures,
			@Value("${nexus.sign-in.account-retry-every:30s}") Duration accountEvery,
			@Value("${nexus.sign-in.address-failures:20}") int addressFailures,
			@Value("${nexus.sign-in.address-retry-every:30s}") Duration addressEvery) {
		this.buckets = buckets;
		this.jdbc = jdbc;
		this.serverKey = serverKey;
		this.accountEvery = accountEvery;
		this.addressEvery = addressEvery;
		this.accountLimit = limit(accountFailures, accountEvery);
		this.addressLimit = limit(addressFailures, addressEvery);
	}

	private static BucketConfiguration limit(int failures, Duration every) {
		return BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(failures).refillGreedy(1, every))
			.build();
	}

	/** How long sign-ins as {@code email} from {@code address} must still wait, if they must. */
	Optional<Duration> waitFor(String email, String address) {
		Optional<OffsetDateTime> found = jdbc.sql("""
				select blocked_until from sign_in_block
				where key in (?, ?) and blocked_until > now()
				order by blocked_until desc limit 1""")
			.params(accountKey(email), addressKey(address)).query(OffsetDateTime.class).optional();
		if (found.isEmpty()) {
			return Optional.empty();
		}
		OffsetDateTime until = found.get();
		Duration wait = Duration.between(OffsetDateTime.now(), until);
		return Optional.of(wait.isNegative() ? Duration.ofSeconds(1) : wait);
	}

	/** Counts a wrong password as {@code email} from {@code address}. */
	void failed(String email, String address) {
		if (email == null || address == null) {
			return;
		}
		count(accountKey(email), accountLimit, accountEvery, "account " + masked(email), address);
		count(addressKey(address), addressLimit, addressEvery, "address " + address, address);
	}

	private void count(String key, BucketConfiguration limit, Duration every, String who, String address) {
		ConsumptionProbe probe = buckets.take(key, limit);
		Duration block = !probe.isConsumed() ? Duration.ofNanos(probe.getNanosToWaitForRefill())
				: probe.getRemainingTokens() == 0 ? every : null;
		if (block == null) {
			return;
		}
		jdbc.sql("""
				insert into sign_in_block (key, blocked_until)
				values (?, now() + make_interval(secs => ?))
				on conflict (key) do update set blocked_until = greatest(sign_in_block.blocked_until,
				                                                         excluded.blocked_until)""")
			.params(key, Math.max(1.0, block.toMillis() / 1000.0)).update();
		log.warn("Too many failed sign-ins for {} (last from {}): blocked for {} s", who, address,
				Math.max(1, block.toSeconds()));
	}

	@EventListener
	void on(AuthenticationFailureBadCredentialsEvent failure) {
		Object details = failure.getAuthentication().getDetails();
		String address = details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
		failed(String.valueOf(failure.getAuthentication().getName()), address);
	}

	@Scheduled(fixedDelayString = "${nexus.rate-limits.clean-every:10m}", initialDelayString = "1m")
	void forgetEndedBlocks() {
		jdbc.sql("delete from sign_in_block where blocked_until < now() - interval '1 hour'").update();
	}

	private String accountKey(String email) {
		return "sign-in:account:" + serverKey.macHex("sign-in-account", email.trim().toLowerCase(Locale.ROOT));
	}

	private String addressKey(String address) {
		return "sign-in:address:" + serverKey.macHex("sign-in-address", address);
	}

	/** {@code j***@example.com}: enough to tell whose account in a log, not the whole address. */
	static String masked(String email) {
		int at = email.indexOf('@');
		if (at <= 0) {
			return email.isEmpty() ? "(empty)" : email.charAt(0) + "***";
		}
		return email.charAt(0) + "***" + email.substring(at);
	}
}
