package com.nexustime.workflow;

import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Reads one JUEL expression of a diagram the way the engine will parse it and says why it is refused, if it
 * is. Allowed: process variables read and compared ({@code ${approved}}, {@code ${amount > 100}},
 * {@code ${decision == 'APPROVED'}}), the engine's value functions ({@code now()}, {@code dateTime()},
 * {@code currentUser()}, {@code currentUserGroups()}), and public methods of the allowed condition beans
 * ({@code ${invoicing.automatic()}}). Everything else — other beans, properties or methods of any other
 * object, reflection — is refused.
 */
final class ExpressionCheck {

	/** The engine's own objects: through them an expression reaches the engine's services. */
	private static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "externalTask", "caseExecution",
			"variableScope", "processEngine", "processEngineServices");

	private static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");

	private final ProcessBeans beans;

	ExpressionCheck(ProcessBeans beans) {
		this.beans = beans;
	}

	/** A {@code camunda:delegateExpression}: exactly {@code ${beanName}} naming one of the delegates. */
	Optional<String> delegate(String text) {
		String trimmed = text.trim();
		if (trimmed.matches("[$#]\\{\\s*[A-Za-z_][A-Za-z0-9_]*\\s*}")) {
			String name = trimmed.substring(2, trimmed.length() - 1).trim();
			if (beans.isDelegate(name)) {
				return Optional.empty();
			}
			return Optional.of("delegate expression names '" + name + "', which is not one of the application's "
					+ "delegates " + beans.delegates());
		}
		return Optional.of("a delegate expression must be ${beanName} naming one of the application's delegates "
				+ beans.delegates() + ", not '" + trimmed + "'");
	}

	/** Any other attribute or text that holds {@code ${...}} or {@code #{...}}. */
	Optional<String> expression(String text) {
		Node root;
		try {
			root = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(text).getRoot();
		}
		catch (TreeBuilderException ex) {
			return Optional.of("'" + text.trim() + "' is not a valid expression");
		}
		return check(root);
	}

	private Optional<String> check(Node node) {
		if (node instanceof AstIdentifier identifier) {
			return identifier(identifier.getName());
		}
		if (node instanceof AstMethod method) {
			return method(method);
		}
		if (node instanceof AstDot || node instanceof AstBracket) {
			String property = node instanceof AstDot dot ? propertyName(dot) : "[...]";
			if (ProcessBeans.REFLECTIVE.contains(property)) {
				return Optional.of("reflective or static access ('" + property + "') is not allowed");
			}
			return Optional.of("reads the property '" + property + "' of an object; a diagram may only read and "
					+ "compare process variables");
		}
		if (node instanceof AstFunction function) {
			if (!FUNCTIONS.contains(function.getName())) {
				return Optional.of("calls the function '" + function.getName() + "()', which is not allowed (allowed: "
						+ FUNCTIONS + ")");
			}
		}
		for (int i = 0; i < node.getCardinality(); i++) {
			Optional<String> refused = check(node.getChild(i));
			if (refused.isPresent()) {
				return refused;
			}
		}
		return Optional.empty();
	}

	private Optional<String> identifier(String name) {
		if (ProcessBeans.REFLECTIVE.contains(name)) {
			return Optional.of("reflective or static access ('" + name + "') is not allowed");
		}
		if (ENGINE_OBJECTS.contains(name)) {
			return Optional.of("names the engine object '" + name + "'; a diagram may only read and compare process "
					+ "variables");
		}
		if (beans.isSpringBean(name) && !beans.isAllowed(name)) {
			return Optional.of("names the bean '" + name + "', which is not one of the beans a diagram may use "
					+ "(delegates " + beans.delegates() + ", conditions " + beans.conditions() + ")");
		}
		return Optional.empty();
	}

	private Optional<String> method(AstMethod method) {
		Node target = method.getChild(0);
		String name = target instanceof AstDot dot ? propertyName(dot) : "[...]";
		if (ProcessBeans.REFLECTIVE.contains(name)) {
			return Optional.of("reflective or static access ('" + name + "') is not allowed");
		}
		Node owner = target.getCardinality() > 0 ? target.getChild(0) : null;
		if (owner != null && !(owner instanceof AstIdentifier)) {
			// the innermost refusal names the real cause: the bean or the reflective call the chain starts from
			Optional<String> inner = check(owner);
			if (inner.isPresent()) {
				return inner;
			}
		}
		if (owner instanceof AstIdentifier identifier && !beans.isAllowed(identifier.getName())) {
			Optional<String> named = identifier(identifier.getName());
			if (named.isPresent()) {
				return named;
			}
		}
		// delegates are called by the engine with their execution, never from an expression
		if (!(target instanceof AstDot) || !(owner instanceof AstIdentifier bean)
				|| !beans.conditions().contains(bean.getName())) {
			return Optional.of("calls the method '" + name + "' on something other than an allowed bean; a diagram "
					+ "may call methods only of " + beans.conditions());
		}
		if (!beans.methods(bean.getName()).contains(name)) {
			return Optional.of("calls '" + bean.getName() + "." + name + "', which is not one of its methods "
					+ beans.methods(bean.getName()));
		}
		Node parameters = method.getChild(1);
		if (parameters instanceof AstParameters) {
			return check(parameters);
		}
		return Optional.empty();
	}

	private static String propertyName(AstDot dot) {
		// AstDot prints as ". name"
		String printed = dot.toString();
		return printed.startsWith(". ") ? printed.substring(2) : printed;
	}
}
