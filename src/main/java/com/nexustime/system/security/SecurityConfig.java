package com.nexustime.system.security;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. Browser pages use form login with CSRF; the API takes HTTP Basic or a personal access
 * token and needs no CSRF token when it carries such credentials. Cockpit and the engine REST API are for
 * admins and process owners only, and only for reading and deploying: the workflow module names the engine
 * API writes nobody makes, as a {@link RefusedRequests} bean. People who are only auditors change nothing (see
 * {@link ReadOnlyAuditors}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

	private static final String[] ENGINE_ROLES = { Role.ADMIN.name(), Role.PROCESS_OWNER.name() };

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AccessTokens tokens, UserAccounts accounts,
			ObjectMapper json, ObjectProvider<RefusedRequests> refusals, SignInThrottle throttle) throws Exception {
		List<RefusedRequests> refused = refusals.orderedStream().toList();
		ProblemAuthenticationHandlers problems = new ProblemAuthenticationHandlers(json);
		RequestMatcher api = new AntPathRequestMatcher("/api/**");
		RequestMatcher engineRest = new AntPathRequestMatcher("/engine-rest/**");
		RequestMatcher camundaApi = new AntPathRequestMatcher("/camunda/api/**");
		RequestMatcher machineClients = request -> api.matches(request) || engineRest.matches(request)
				|| camundaApi.matches(request) || ManagementRequests.ACTUATOR.matches(request);
		RequestMatcher carriesCredentials = CredentialsInRequest::present;

		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico").permitAll()
			.requestMatchers("/public/**").permitAll()
			// a forgotten password and the page of a reset or invitation link: no account session yet
			.requestMatchers("/password/forgot", "/password/reset", "/api/v1/password-resets").permitAll()
			.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
			// Actuator: probes for anyone, the rest on the management port or for admins (ManagementRequests)
			.requestMatchers(ManagementRequests.PROBES).permitAll()
			.requestMatchers(ManagementRequests.onManagementPort(http.getSharedObject(ApplicationContext.class).getEnvironment()))
			.permitAll()
			.requestMatchers(ManagementRequests.ACTUATOR).hasRole(Role.ADMIN.name())
			// requests a feature refuses to everyone, e.g. engine API writes that bypass the business rules
			.requestMatchers(request -> refused.stream().anyMatch(r -> r.isRefused(request))).denyAll()
			.requestMatchers("/camunda/**", "/engine-rest/**").hasAnyRole(ENGINE_ROLES)
			.requestMatchers(ReadOnlyAuditors.OWN_ACCOUNT).authenticated()
			.requestMatchers(ReadOnlyAuditors::isWrite).access(ReadOnlyAuditors.refused())
			.anyRequest().authenticated());
		http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll());
		http.logout(logout -> logout.logoutSuccessUrl("/login?logout"));
		http.httpBasic(basic -> basic.authenticationEntryPoint(problems));
		http.addFilterBefore(new AccessTokenAuthenticationFilter(tokens, accounts, problems), BasicAuthenticationFilter.class);
		// a request that brings Basic or a token is judged by those alone: its session's sign-in is not restored
		http.securityContext(context -> context.securityContextRepository(new CredentialsInRequest(
				new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
						new HttpSessionSecurityContextRepository()))));
		http.addFilterAfter(new SignedInSessionCheck(accounts), SecurityContextHolderFilter.class);
		// a blocked sign-in is refused before its password is checked (SignInThrottle counts the failures)
		http.addFilterBefore(new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
		LinkedHashMap<RequestMatcher, AccessDeniedHandler> deniedByKind = new LinkedHashMap<>();
		deniedByKind.put(machineClients, problems);
		http.exceptionHandling(ex -> ex
			.defaultAuthenticationEntryPointFor(problems, machineClients)
			// pages get the app's error page, API clients problem+json
			.accessDeniedHandler(new RequestMatcherDelegatingAccessDeniedHandler(deniedByKind, new AccessDeniedHandlerImpl())));
		// Camunda's webapp has its own CSRF protection. API calls that carry Basic or a token are authenticated by
		// those in this very request or refused 401 (the session is not consulted, see CredentialsInRequest), and
		// an API call without a session has nothing to forge: it is answered 401 instead.
		RequestMatcher withoutSession = request -> request.getRequestedSessionId() == null;
		http.csrf(csrf -> csrf.ignoringRequestMatchers(new AntPathRequestMatcher("/camunda/**"),
				request -> machineClients.matches(request)
						&& (carriesCredentials.matches(request) || withoutSession.matches(request))));
		// scripts only from this origin (no inline script or handler anywhere in the pages); inline style
		// attributes are still allowed. Camunda's webapp sends a policy of its own, so it is left out of this one.
		// A secret link lives in the path (/public/**, /password/reset): those pages send no Referer at all.
		RequestMatcher camunda = new AntPathRequestMatcher("/camunda/**");
		RequestMatcher secretLinks = request -> new AntPathRequestMatcher("/public/**").matches(request)
				|| new AntPathRequestMatcher("/password/reset").matches(request);
		http.headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(request -> !camunda.matches(request),
					new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY)))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(secretLinks,
					(request, response) -> response.setHeader("Referrer-Policy", "no-referrer"))));
		// only a page a person was sent away from is remembered for after sign-in: a request answered 401 must not
		// open a session. That is a browser asking for a page (what the form login's entry point answers with the
		// redirect to /login), never a machine client; Actuator endpoints that are not exposed (/actuator/env) and
		// Camunda paths asked for without Accept: text/html get 401 and no session.
		MediaTypeRequestMatcher pageAccepted = new MediaTypeRequestMatcher(MediaType.APPLICATION_XHTML_XML,
				new MediaType("image", "*"), MediaType.TEXT_HTML, MediaType.TEXT_PLAIN);
		pageAccepted.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		RequestMatcher fromScript = new RequestHeaderRequestMatcher("X-Requested-With", "XMLHttpRequest");
		RequestMatcher underActuator = new AntPathRequestMatcher("/actuator/**");
		HttpSessionRequestCache pagesOnly = new HttpSessionRequestCache();
		pagesOnly.setRequestMatcher(request -> !machineClients.matches(request) && !underActuator.matches(request)
				&& pageAccepted.matches(request) && !fromScript.matches(request));
		http.requestCache(cache -> cache.requestCache(pagesOnly));
		return http.build();
	}

	/** Cockpit trusts the user Spring Security authenticated instead of asking for a second login. */
	@Bean
	FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappAuthentication() {
		FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration = new FilterRegistrationBean<>();
		registration.setFilter(new ContainerBasedAuthenticationFilter());
		registration.setInitParameters(Collections.singletonMap("authentication-provider",
				CockpitAuthenticationProvider.class.getName()));
		registration.addUrlPatterns("/camunda/*");
		registration.setOrder(101); // after Spring Security's filter chain
		return registration;
	}
}
