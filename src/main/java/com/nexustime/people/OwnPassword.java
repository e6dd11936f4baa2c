package com.nexustime.people;

import org.springframework.stereotype.Service;

import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.security.PasswordGuesses;
import com.nexustime.system.web.RuleViolationException;

/**
 * A person changing their own password, throttled like a sign-in: the current password is a password guess like any
 * other. While the account or the address is blocked the change is refused before the password is checked
 * ({@link PasswordGuesses.Blocked}); a wrong current password counts as a failed sign-in. A right one costs one
 * indexed read more and writes nothing to the throttle. Not transactional on purpose: the failure must be counted
 * even though the change itself is rolled back.
 */
@Service
class OwnPassword {

	private final Accounts accounts;

	private final PasswordGuesses guesses;

	OwnPassword(Accounts accounts, PasswordGuesses guesses) {
		this.accounts = accounts;
		this.guesses = guesses;
	}

	void change(CurrentUser caller, String address, String currentPassword, String newPassword) {
		guesses.requireNotBlocked(caller.email(), address);
		try {
			accounts.changeOwn(caller, currentPassword, newPassword);
		}
		catch (RuleViolationException refused) {
			if ("currentPassword".equals(refused.field())) {
				guesses.wrong(caller.email(), address);
			}
			throw refused;
		}
	}
}
