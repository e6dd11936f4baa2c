package com.nexustime.people;

import java.math.BigDecimal;
import java.util.Set;

import com.nexustime.system.security.Role;

/**
 * A user as the API and the audit log show them; the password hash never leaves the aggregate. {@code weeklyHours}
 * is the person's own figure, null where the workspace's applies ({@link WorkingHours} answers the figure in force).
 */
public record UserView(Long id, String email, String name, Set<Role> roles, Long managerId, boolean active,
		BigDecimal weeklyHours) {
}
