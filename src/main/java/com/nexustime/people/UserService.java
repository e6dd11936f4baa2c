package com.nexustime.people;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.audit.AuditLog;
import com.nexustime.system.security.AccessTokens;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.security.Role;
import com.nexustime.system.web.ConflictException;
import com.nexustime.system.web.NotFoundException;
import com.nexustime.system.web.RuleViolationException;

/**
 * The people who use the workspace. Admins manage everyone; managers and auditors see everyone; staff see
 * only themselves. Every change is audited without the password hash.
 */
@Service
public class UserService {

	static final String ENTITY = "User";

	private final UserRepository users;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final AccessTokens tokens;

	private final Accounts accounts;

	UserService(UserRepository users, PasswordEncoder passwords, AuditLog audit, AccessTokens tokens,
			Accounts accounts) {
		this.accounts = accounts;
		this.users = users;
		this.passwords = passwords;
		this.audit = audit;
		this.tokens = tokens;
	}

	@Transactional
	public UserView create(NewUser input) {
		String email = input.getEmail().trim();
		if (users.emailTaken(email)) {
			throw new ConflictException("A user with the email " + email + " already exists.");
		}
		if (input.getManagerId() != null) {
			requireExisting(input.getManagerId());
		}
		String password = input.getPassword();
		if (input.isInvite()) {
			if (password != null && !password.isEmpty()) {
				throw new RuleViolationException("password", "Leave the password empty when sending an invitation.");
			}
			// nobody knows this one: the person sets theirs from the invitation's link
			password = unguessable();
		}
		else {
			Accounts.requireAcceptable("password", password);
		}
		User fresh = User.create(email, input.getName(), passwords.encode(password), input.getRoles(),
				input.getManagerId());
		fresh.expectWeekly(input.getWeeklyHours());
		User user = users.save(fresh);
		UserView created = user.view();
		audit.record("CREATE", ENTITY, user.id(), null, created);
		if (input.isInvite()) {
			accounts.invite(user.id());
		}
		return created;
	}

	private static String unguessable() {
		byte[] random = new byte[32];
		new java.security.SecureRandom().nextBytes(random);
		return java.util.HexFormat.of().formatHex(random);
	}

	@Transactional(readOnly = true)
	public List<UserView> visibleTo(CurrentUser caller) {
		if (!seesEveryone(caller)) {
			return users.findById(caller.id()).map(User::view).stream().toList();
		}
		return users.findAllByOrderByNameAscIdAsc().stream().map(User::view).toList();
	}

	@Transactional(readOnly = true)
	public UserView get(long id, CurrentUser caller) {
		if (id != caller.id() && !seesEveryone(caller)) {
			throw new NotFoundException("User", id);
		}
		return load(id).view();
	}

	/** Any user by id, for other features (a manager to route a week to, a name on a report). */
	@Transactional(readOnly = true)
	public Optional<UserView> find(long id) {
		return users.findById(id).map(User::view);
	}

	/**
	 * Applies a partial change. Admins may change anything but their own admin role and active flag (so that
	 * the workspace keeps an admin); everyone else may change only their own name and password.
	 */
	@Transactional
	public UserView change(long id, UserChanges changes, CurrentUser caller) {
		boolean self = id == caller.id();
		if (!caller.isAdmin()) {
			if (!self) {
				if (seesEveryone(caller)) {
					throw new AccessDeniedException("only admins change other users");
				}
				throw new NotFoundException("User", id);
			}
			if (changes.touchesAdministration()) {
				throw new AccessDeniedException("only admins change roles, managers and the active flag");
			}
		}
		if (self && changes.getPassword() != null) {
			// a token or a session alone must not replace the password: the current one is asked for there
			throw new RuleViolationException("password",
					"Change your own password with your current password (POST /api/v1/me/password or My password).");
		}
		User user = load(id);
		UserView before = user.view();
		if (changes.getName() != null) {
			user.rename(changes.getName());
		}
		if (changes.getRoles() != null) {
			if (self && before.roles().contains(Role.ADMIN) && !changes.getRoles().contains(Role.ADMIN)) {
				throw new RuleViolationException("roles", "You cannot remove your own admin role.");
			}
			user.grant(changes.getRoles());
		}
		if (changes.isManagerIdSent()) {
			Long managerId = changes.getManagerId();
			if (managerId != null) {
				requireExisting(managerId);
				if (users.managementChainIncludes(managerId, id)) {
					throw new RuleViolationException("managerId",
							"User " + managerId + " reports to this user, so cannot be their manager.");
				}
			}
			user.reportTo(managerId);
		}
		if (changes.isWeeklyHoursSent()) {
			user.expectWeekly(changes.getWeeklyHours());
		}
		if (changes.getActive() != null) {
			if (self && !changes.getActive()) {
				throw new RuleViolationException("active", "You cannot deactivate yourself.");
			}
			user.setActive(changes.getActive());
		}
		if (changes.getPassword() != null) {
			user.changePassword(passwords.encode(changes.getPassword()));
		}
		User saved = users.save(user);
		// API tokens remember their owner briefly: forget them here, whatever changed (roles, password, active)
		tokens.forgetUser(id);
		UserView after = saved.view();
		if (!Objects.equals(before, after)) {
			audit.record("UPDATE", ENTITY, id, before, after);
		}
		if (changes.getPassword() != null) {
			// the fact of the change is evidence; the hash is not
			audit.record("CHANGE_PASSWORD", ENTITY, id, null, Map.of("email", after.email()));
		}
		return after;
	}

	private User load(long id) {
		return users.findById(id).orElseThrow(() -> new NotFoundException("User", id));
	}

	private void requireExisting(long managerId) {
		if (!users.existsById(managerId)) {
			throw new RuleViolationException("managerId", "There is no user " + managerId + " to be the manager.");
		}
	}

	static boolean seesEveryone(CurrentUser caller) {
		return caller.has(Role.ADMIN) || caller.has(Role.MANAGER) || caller.has(Role.AUDITOR);
	}
}
