/**
 * Shared infrastructure: security, the embedded database and its roles, error handling, the server key.
 * Every feature uses it (CurrentUser, Role, the problem exceptions), so its sub-packages {@code security} and
 * {@code web} are named interfaces that every module may use. It is an ordinary module otherwise: it depends on no
 * feature module, and Modulith's cycle check includes it. Where it needs a feature's answer (the engine API's
 * refused writes, who a person is to Cockpit) it declares an interface that the feature implements
 * ({@code security/RefusedRequests}, {@code security/CockpitIdentities}).
 */
@ApplicationModule
package com.nexustime.system;

import org.springframework.modulith.ApplicationModule;
