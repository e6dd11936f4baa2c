package com.nexustime.crm;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/** A sales opportunity with a client; projects may be started from it. */
public record Deal(@Id Long id, Long contactId, String title, DealStage stage, BigDecimal amount,
		@Version Integer version) {

	static Deal create(DealForm form) {
		return new Deal(null, form.getContactId(), form.getTitle().trim(),
				form.getStage() != null ? form.getStage() : DealStage.OPEN, money(form.getAmount()), null);
	}

	Deal apply(DealChanges changes) {
		return new Deal(id, contactId,
				changes.getTitle() != null ? changes.getTitle().trim() : title,
				changes.getStage() != null ? changes.getStage() : stage,
				changes.getAmount() != null ? money(changes.getAmount().orElse(null)) : amount,
				changes.getVersion() != null ? changes.getVersion() : version);
	}

	private static BigDecimal money(BigDecimal value) {
		return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
	}
}
