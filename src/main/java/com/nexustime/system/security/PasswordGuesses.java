package com.nexustime.system.security;

import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The sign-in throttle for a password typed anywhere else than the sign-in itself (the current password asked for
 * by a password change). A wrong one counts as a failed sign-in of that account from that address, and while either
 * is blocked the password is not even checked, so a token or a stolen session cannot be used to guess the password
 * faster than the sign-in form allows.
 */
@Component
public class PasswordGuesses {

	private final SignInThrottle throttle;

	PasswordGuesses(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	/** Refuses with {@link Blocked} while sign-ins as {@code email} or from {@code address} must wait. */
	public void requireNotBlocked(String email, String address) {
		Optional<Duration> wait = throttle.waitFor(email, address);
		if (wait.isPresent()) {
			throw new Blocked(Math.max(1, (wait.get().toMillis() + 999) / 1000));
		}
	}

	/** Counts a wrong password as {@code email} from {@code address}: call it outside any transaction. */
	public void wrong(String email, String address) {
		throttle.failed(email, address);
	}

	/** Too many failed sign-ins: the account or the address must wait {@code seconds}. */
	public static class Blocked extends RuntimeException {

		private final long seconds;

		Blocked(long seconds) {
			super("Too many wrong passwords: try again in " + seconds + " seconds.");
			this.seconds = seconds;
		}

		public long seconds() {
			return seconds;
		}
	}
}
