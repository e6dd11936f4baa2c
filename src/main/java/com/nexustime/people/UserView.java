package com.nexustime.people;

import java.util.Set;

import com.nexustime.system.security.Role;

/** A user as the API and the audit log show them; the password hash never leaves the aggregate. */
public record UserView(Long id, String email, String name, Set<Role> roles, Long managerId, boolean active) {
}
