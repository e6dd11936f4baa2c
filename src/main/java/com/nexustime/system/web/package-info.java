/**
 * The web plumbing every module shares: problem+json errors and the exceptions that produce them, input
 * clean-up, JSON settings, the public address. Every module may use it.
 */
@NamedInterface("web")
package com.nexustime.system.web;

import org.springframework.modulith.NamedInterface;
