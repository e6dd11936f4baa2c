package com.nexustime.system.security;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.Expression;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.ExpressionUtils;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks a handler's {@code @PreAuthorize} before its arguments are read. Method security alone runs after the
 * request body has been bound and validated, so a caller without the role got 400 with the field rules of a form
 * it may not use instead of 403, and the role matrix could not tell a refusal from bad input. The proxy still
 * checks again when the method runs; every expression in the app names roles only, never arguments.
 */
@Component
class AccessBeforeInput implements HandlerInterceptor, WebMvcConfigurer {

	private final DefaultMethodSecurityExpressionHandler expressions = new DefaultMethodSecurityExpressionHandler();

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	/** Each handler method's rule, parsed once (empty: the method has none); the set of methods is fixed. */
	private final Map<Method, Optional<Expression>> rules = new ConcurrentHashMap<>();

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		Optional<Expression> rule = rules.computeIfAbsent(method.getMethod(), m -> ruleOf(method));
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		if (rule.isEmpty() || caller == null) {
			return true;
		}
		var context = expressions.createEvaluationContext(caller,
				new SimpleMethodInvocation(method.getBean(), method.getMethod()));
		if (!ExpressionUtils.evaluateAsBoolean(rule.get(), context)) {
			throw new AccessDeniedException("Access Denied");
		}
		return true;
	}

	private Optional<Expression> ruleOf(HandlerMethod method) {
		PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
		if (rule == null) {
			rule = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
		}
		return rule == null ? Optional.empty()
				: Optional.of(expressions.getExpressionParser().parseExpression(rule.value()));
	}
}
