package com.nexustime.workflow;

import java.util.ArrayList;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.transaction.PlatformTransactionManager;

import com.nexustime.audit.AuditLog;

/**
 * Wires what a deployed diagram may do into the engine as it is built: only the allowed process beans in the
 * expression language ({@link ProcessExpressions}), every BPMN checked before it is stored ({@link DiagramCheck}),
 * every deployment and refusal audited ({@link DeploymentAudit}), and the engine's authorization applied to the
 * engine API only ({@link EngineApiCalls}).
 */
@Configuration(proxyBeanMethods = false)
class DiagramPolicy extends AbstractProcessEnginePlugin {

	private final ListableBeanFactory context;

	private final DeploymentAudit audit;

	DiagramPolicy(ListableBeanFactory context, AuditLog audit, PlatformTransactionManager transactions) {
		this.context = context;
		this.audit = new DeploymentAudit(audit, transactions);
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		ProcessBeans beans = new ProcessBeans(context);
		configuration.setBeans(beans.forEngine());
		configuration.setExpressionManager(new ProcessExpressions(beans));

		if (configuration.getCustomPreBPMNParseListeners() == null) {
			configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
		}
		DiagramCheck check = new DiagramCheck(beans);
		configuration.getCustomPreBPMNParseListeners().add(check);

		if (configuration.getCustomPreDeployers() == null) {
			configuration.setCustomPreDeployers(new ArrayList<>());
		}
		configuration.getCustomPreDeployers().add(audit.before());
		configuration.getCustomPreDeployers().add(check.beforeEngine());
		if (configuration.getCustomPostDeployers() == null) {
			configuration.setCustomPostDeployers(new ArrayList<>());
		}
		configuration.getCustomPostDeployers().add(audit.after());

		if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
			configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
		}
		configuration.getCustomPreCommandInterceptorsTxRequired().add(audit.refusals());
		if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
			configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
		}
		configuration.getCustomPostCommandInterceptorsTxRequired().add(EngineApiCalls.checkOnlyEngineApiCalls());
		if (configuration.getCustomPostCommandInterceptorsTxRequiresNew() == null) {
			configuration.setCustomPostCommandInterceptorsTxRequiresNew(new ArrayList<>());
		}
		configuration.getCustomPostCommandInterceptorsTxRequiresNew().add(EngineApiCalls.checkOnlyEngineApiCalls());
	}

	/** After Spring Security (which authenticates the person), before Camunda's webapp filters. */
	@Bean
	static FilterRegistrationBean<EngineApiCalls> engineApiCalls(@Lazy IdentityService identity) {
		FilterRegistrationBean<EngineApiCalls> registration = new FilterRegistrationBean<>(new EngineApiCalls(identity));
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
		registration.setOrder(100);
		return registration;
	}
}
