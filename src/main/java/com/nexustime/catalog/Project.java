package com.nexustime.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

import com.nexustime.system.web.Inputs;

/** Work for one client, optionally won through a deal; time, costs and purchase orders are booked on it. */
public record Project(@Id Long id, String name, Long contactId, Long dealId, ProjectType type,
		BillingMode billingMode, ProjectStatus status, String corporation, BigDecimal budgetAmount, Long managerId,
		@Version Integer version) {

	static Project create(ProjectForm form) {
		return new Project(null, form.getName().trim(), form.getContactId(), form.getDealId(), form.getType(),
				form.getBillingMode() != null ? form.getBillingMode() : BillingMode.HOURLY, ProjectStatus.ACTIVE,
				Inputs.blankToNull(form.getCorporation()), money(form.getBudgetAmount()), form.getManagerId(), null);
	}

	Project apply(ProjectChanges changes) {
		return new Project(id,
				changes.getName() != null ? changes.getName().trim() : name,
				contactId,
				changes.getDealId() != null ? changes.getDealId().orElse(null) : dealId,
				changes.getType() != null ? changes.getType() : type,
				changes.getBillingMode() != null ? changes.getBillingMode() : billingMode,
				changes.getStatus() != null ? changes.getStatus() : status,
				changes.getCorporation() != null ? changes.getCorporation().map(Inputs::blankToNull).orElse(null) : corporation,
				changes.getBudgetAmount() != null ? money(changes.getBudgetAmount().orElse(null)) : budgetAmount,
				changes.getManagerId() != null ? changes.getManagerId().orElse(null) : managerId,
				changes.getVersion() != null ? changes.getVersion() : version);
	}

	static BigDecimal money(BigDecimal value) {
		return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
	}
}
