package com.nexustime.approval;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.nexustime.system.security.SharedBuckets;

/** Puts the rate limit in front of everything under /public, before Spring Security does any work. */
@Configuration(proxyBeanMethods = false)
class PublicPagesConfig {

	@Bean
	FilterRegistrationBean<PublicRateLimit> publicRateLimit(
			@Value("${nexus.public.rate-limit-per-minute:60}") int perMinute, SharedBuckets buckets) {
		FilterRegistrationBean<PublicRateLimit> registration = new FilterRegistrationBean<>(
				new PublicRateLimit("pages", perMinute, buckets));
		registration.addUrlPatterns("/public/*");
		registration.setOrder(-200); // Spring Security's chain runs at -100
		return registration;
	}

	/**
	 * The same per-address limit, with buckets of its own, in front of the anonymous password pages: asking for a
	 * reset link (page and API) and using one. A flood from one address is turned away before any work is done.
	 */
	@Bean
	FilterRegistrationBean<PublicRateLimit> passwordRateLimit(
			@Value("${nexus.public.rate-limit-per-minute:60}") int perMinute, SharedBuckets buckets) {
		FilterRegistrationBean<PublicRateLimit> registration = new FilterRegistrationBean<>(
				new PublicRateLimit("password", perMinute, buckets));
		registration.addUrlPatterns(PASSWORD_PATHS);
		registration.setOrder(-200);
		return registration;
	}

	/** The anonymous password paths the second limit covers. */
	static final String[] PASSWORD_PATHS = { "/password/forgot", "/password/reset", "/api/v1/password-resets" };
}
