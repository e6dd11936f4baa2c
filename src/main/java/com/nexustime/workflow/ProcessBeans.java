package com.nexustime.workflow;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * The one allow-list of what a diagram may name: the application's own process beans, found by their type so
 * that a new delegate needs no list edit.
 * <ul>
 * <li><b>delegates</b> — every bean of a {@code com.nexustime} class implementing {@link JavaDelegate},
 * {@link ExecutionListener} or {@link TaskListener}; a diagram names them in {@code camunda:delegateExpression}.</li>
 * <li><b>conditions</b> — the other beans declared in a feature's {@code process} package (such as
 * {@code invoicing}); a diagram may call their public methods in a condition.</li>
 * </ul>
 * Nothing else of the Spring context is visible to the engine's expression language.
 */
public final class ProcessBeans {

	private static final Pattern PROCESS_PACKAGE = Pattern.compile("com\\.nexustime\\.[a-z0-9_.]*\\.process");

	private static final Set<Class<?>> DELEGATE_TYPES = Set.of(JavaDelegate.class, ExecutionListener.class,
			TaskListener.class);

	/** Names that reach classes, class loaders, reflection or the JVM; refused wherever they appear. */
	static final Set<String> REFLECTIVE = Set.of("getClass", "class", "forName", "classLoader", "getClassLoader",
			"ClassLoader", "Runtime", "getRuntime", "System", "exec", "invoke", "getMethod", "getMethods",
			"getDeclaredMethod", "getDeclaredMethods", "getDeclaredField", "getField", "newInstance",
			"getConstructor", "getDeclaredConstructor", "Thread", "ProcessBuilder", "T", "wait", "notify",
			"notifyAll", "getBean", "applicationContext", "beanFactory");

	private final ListableBeanFactory context;

	private final Map<String, Class<?>> delegates;

	private final Map<String, Class<?>> conditions;

	ProcessBeans(ListableBeanFactory context) {
		this.context = context;
		Map<String, Class<?>> delegates = new LinkedHashMap<>();
		Map<String, Class<?>> conditions = new LinkedHashMap<>();
		// allowEagerInit=false: the engine is being built now and the delegates need it, so only read the types
		for (String name : context.getBeanNamesForType(Object.class, false, false)) {
			Class<?> type = context.getType(name, false);
			if (type == null) {
				continue;
			}
			Class<?> user = ClassUtils.getUserClass(type);
			String pkg = user.getPackageName();
			if (!pkg.startsWith("com.nexustime.")) {
				continue;
			}
			if (DELEGATE_TYPES.stream().anyMatch(t -> t.isAssignableFrom(user))) {
				delegates.put(name, user);
			}
			else if (PROCESS_PACKAGE.matcher(pkg).matches()) {
				conditions.put(name, user);
			}
		}
		this.delegates = Collections.unmodifiableMap(delegates);
		this.conditions = Collections.unmodifiableMap(conditions);
	}

	/** Bean names a {@code camunda:delegateExpression} may name. */
	public Set<String> delegates() {
		return new TreeSet<>(delegates.keySet());
	}

	/** Bean names whose public methods a condition may call. */
	public Set<String> conditions() {
		return new TreeSet<>(conditions.keySet());
	}

	boolean isDelegate(String name) {
		return delegates.containsKey(name);
	}

	boolean isAllowed(String name) {
		return delegates.containsKey(name) || conditions.containsKey(name);
	}

	/** True for any bean of the application context, allowed or not (so a diagram naming one is told so). */
	boolean isSpringBean(String name) {
		return context.containsBean(name);
	}

	/** The public methods a diagram may call on an allowed bean: its own, none of {@link Object}'s. */
	Set<String> methods(String name) {
		Class<?> type = delegates.containsKey(name) ? delegates.get(name) : conditions.get(name);
		if (type == null) {
			return Set.of();
		}
		return Arrays.stream(type.getMethods())
			.filter(m -> m.getDeclaringClass() != Object.class && !Modifier.isStatic(m.getModifiers()))
			.map(Method::getName)
			.filter(n -> !REFLECTIVE.contains(n))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	boolean isAllowedMethod(Object bean, String method) {
		if (bean == null || REFLECTIVE.contains(method)) {
			return false;
		}
		Class<?> type = ClassUtils.getUserClass(bean);
		return (delegates.containsValue(type) || conditions.containsValue(type))
				&& Arrays.stream(type.getMethods())
					.anyMatch(m -> m.getName().equals(method) && m.getDeclaringClass() != Object.class
							&& !Modifier.isStatic(m.getModifiers()));
	}

	/**
	 * The beans handed to the engine ({@code ProcessEngineConfigurationImpl#setBeans}). Each is fetched from
	 * the context on first use, since the delegates depend on the engine that is being built.
	 */
	Map<Object, Object> forEngine() {
		return new AbstractMap<>() {

			@Override
			public boolean containsKey(Object key) {
				return key instanceof String name && isAllowed(name);
			}

			@Override
			public int size() {
				return delegates.size() + conditions.size();
			}

			@Override
			public Object get(Object key) {
				return containsKey(key) ? context.getBean((String) key) : null;
			}

			@Override
			public Set<Entry<Object, Object>> entrySet() {
				return Stream.concat(delegates.keySet().stream(), conditions.keySet().stream())
					.map(n -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(n, context.getBean(n)))
					.collect(Collectors.toSet());
			}
		};
	}
}
