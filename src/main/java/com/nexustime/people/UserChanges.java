package com.nexustime.people;

import java.math.BigDecimal;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.nexustime.system.security.Role;

/**
 * A partial change to a user (PATCH): a property left out stays as it is. {@code managerId} remembers whether
 * it was sent, so that an explicit null removes the manager while an absent one keeps it.
 */
public class UserChanges {

	@Size(max = 200)
	@Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
	private String name;

	@Size(min = 1, message = "must name at least one role")
	private Set<Role> roles;

	private Long managerId;

	private boolean managerIdSent;

	@DecimalMin(value = "0.5", message = "must be between 0.5 and 168")
	@DecimalMax(value = "168", message = "must be between 0.5 and 168")
	@Digits(integer = 3, fraction = 1, message = "must be a number of hours with at most one decimal")
	/** Sent as null: back to the workspace's weekly hours. */
	private BigDecimal weeklyHours;

	private boolean weeklyHoursSent;

	private Boolean active;

	@Size(min = 8, max = 200, message = "must be between 8 and 200 characters")
	private String password;

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
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
		this.weeklyHoursSent = true;
	}

	@JsonIgnore
	public boolean isWeeklyHoursSent() {
		return weeklyHoursSent;
	}

	public Long getManagerId() {
		return managerId;
	}

	public void setManagerId(Long managerId) {
		this.managerId = managerId;
		this.managerIdSent = true;
	}

	@JsonIgnore
	public boolean isManagerIdSent() {
		return managerIdSent;
	}

	public Boolean getActive() {
		return active;
	}

	public void setActive(Boolean active) {
		this.active = active;
	}

	public String getPassword() {
		return password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	/** Whether this change touches more than the caller's own name and password. */
	@JsonIgnore
	boolean touchesAdministration() {
		return roles != null || managerIdSent || active != null || weeklyHoursSent;
	}
}
