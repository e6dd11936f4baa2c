package com.nexustime.workflow;

import java.beans.FeatureDescriptor;
import java.util.Collections;
import java.util.Iterator;

import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.ReadOnlyMapELResolver;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MethodNotFoundException;

/**
 * The engine's expression language with only the allowed process beans in it — the second line behind
 * {@link DiagramCheck}. Replaces the Spring Boot starter's {@code SpringExpressionManager}, which resolves every
 * bean of the application context: here an identifier is a process variable, one of the engine's objects or an
 * allowed bean ({@link ProcessBeans#forEngine()}), and a method may be called only on an allowed bean, never on a
 * variable, a string or the engine's objects (so {@code ''.getClass()} finds nothing to call).
 */
final class ProcessExpressions extends JuelExpressionManager {

	private final ProcessBeans beans;

	ProcessExpressions(ProcessBeans beans) {
		super(beans.forEngine());
		this.beans = beans;
	}

	@Override
	protected ELResolver createElResolver() {
		CompositeELResolver resolver = new CompositeELResolver();
		resolver.add(new VariableScopeElResolver());
		resolver.add(new VariableContextElResolver());
		resolver.add(new ReadOnlyMapELResolver(this.beans.forEngine()));
		resolver.add(new ArrayELResolver(true));
		resolver.add(new ListELResolver(true));
		resolver.add(new MapELResolver(true));
		resolver.add(new AllowedMethods(this.beans));
		return resolver;
	}

	/** Calls public methods of the allowed beans; resolves no property and no method of anything else. */
	private static final class AllowedMethods extends BeanELResolver {

		private final ProcessBeans beans;

		AllowedMethods(ProcessBeans beans) {
			super(true);
			this.beans = beans;
		}

		@Override
		public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
			if (base == null || method == null) {
				return null;
			}
			if (!beans.isAllowedMethod(base, method.toString())) {
				throw new MethodNotFoundException("Diagrams may not call '" + method + "' on "
						+ base.getClass().getSimpleName());
			}
			return super.invoke(context, base, method, paramTypes, params);
		}

		@Override
		public Object getValue(ELContext context, Object base, Object property) {
			return null;
		}

		@Override
		public Class<?> getType(ELContext context, Object base, Object property) {
			return null;
		}

		@Override
		public void setValue(ELContext context, Object base, Object property, Object value) {
			// nothing is writable
		}

		@Override
		public boolean isReadOnly(ELContext context, Object base, Object property) {
			return true;
		}

		@Override
		public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
			return Collections.emptyIterator();
		}
	}
}
