package com.nexustime.people;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import com.nexustime.system.security.Role;

/** A person to add: the API's request body and the page's form. */
public class NewUser {

	@NotBlank
	@Email
	@Size(max = 254)
	private String email;

	@NotBlank
	@Size(max = 200)
	private String name;

	/** Required unless {@link #invite}: then the person sets their own from a mailed link. */
	@Size(min = 8, max = 200, message = "must be between 8 and 200 characters")
	private String password;

	/** Mail the person a link to set their own password instead of giving one here. */
	private boolean invite;

	@NotEmpty(message = "must name at least one role")
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	private Long managerId;

	@DecimalMin(value = "0.5", message = "must be between 0.5 and 168")
	@DecimalMax(value = "168", message = "must be between 0.5 and 168")
	@Digits(integer = 3, fraction = 1, message = "must be a number of hours with at most one decimal")
	/** Left out: the workspace's weekly hours. */
	private BigDecimal weeklyHours;

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getPassword() {
		return password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public boolean isInvite() {
		return invite;
	}

	public void setInvite(boolean invite) {
		this.invite = invite;
	}

	public Set<Role> getRoles() {
		return roles;
	}

	public void setRoles(Set<Role> roles) {
		this.roles = roles;
	}

	public BigDecimal getWeeklyHours() {
		return weeklyHours;
	}

	public void setWeeklyHours(BigDecimal weeklyHours) {
		this.weeklyHours = weeklyHours;
	}

	public Long getManagerId() {
		return managerId;
	}

	public void setManagerId(Long managerId) {
		this.managerId = managerId;
	}
}
