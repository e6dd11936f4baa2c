/**
 * Who may reach what: sign-in, the signed-in person ({@link com.nexustime.system.security.CurrentUser}), roles,
 * access tokens, and the interfaces through which features contribute to the security configuration. Every module
 * may use it.
 */
@NamedInterface("security")
package com.nexustime.system.security;

import org.springframework.modulith.NamedInterface;
