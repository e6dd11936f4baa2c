package com.nexustime.people;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import com.nexustime.system.security.Role;

/** A person who signs in: their roles and the manager who reviews their weeks. */
@Table("app_user")
class User {

	@Id
	private Long id;

	private String email;

	private String name;

	private String passwordHash;

	private Long managerId;

	private boolean active;

	/** Null: the workspace's weekly hours. */
	private BigDecimal weeklyHours;

	private Instant createdAt;

	@MappedCollection(idColumn = "app_user")
	private Set<UserRole> roles;

	@Version
	private Integer version;

	@PersistenceCreator
	User(Long id, String email, String name, String passwordHash, Long managerId, boolean active, Instant createdAt,
			BigDecimal weeklyHours, Set<UserRole> roles, Integer version) {
		this.id = id;
		this.email = email;
		this.name = name;
		this.passwordHash = passwordHash;
		this.managerId = managerId;
		this.active = active;
		this.weeklyHours = weeklyHours;
		this.createdAt = createdAt;
		this.roles = new LinkedHashSet<>(roles);
		this.version = version;
	}

	static User create(String email, String name, String passwordHash, Set<Role> roles, Long managerId) {
		User user = new User(null, email.trim(), name.trim(), passwordHash, managerId, true, Instant.now(), null, Set.of(),
				null);
		user.grant(roles);
		return user;
	}

	Long id() {
		return id;
	}

	String email() {
		return email;
	}

	String name() {
		return name;
	}

	Long managerId() {
		return managerId;
	}

	boolean active() {
		return active;
	}

	Set<Role> roles() {
		return roles.stream().map(UserRole::role)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
	}

	void rename(String name) {
		this.name = name.trim();
	}

	void grant(Set<Role> roles) {
		this.roles = roles.stream().map(UserRole::new).collect(Collectors.toCollection(LinkedHashSet::new));
	}

	void reportTo(Long managerId) {
		this.managerId = managerId;
	}

	void setActive(boolean active) {
		this.active = active;
	}

	/** Null goes back to the workspace's figure. */
	void expectWeekly(BigDecimal hours) {
		this.weeklyHours = hours == null ? null : hours.setScale(1, RoundingMode.HALF_UP);
	}

	void changePassword(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	/** What may be shown and audited: everything but the password hash. */
	UserView view() {
		return new UserView(id, email, name, roles(), managerId, active, weeklyHours);
	}
}
