/**
 * Shared infrastructure: security, the embedded database and its roles, error handling, the server key.
 * Every feature uses it (CurrentUser, Role, the problem exceptions), so it is an open module whose
 * sub-packages are visible to all; it depends on no feature module in return.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package com.nexustime.system;

import org.springframework.modulith.ApplicationModule;
