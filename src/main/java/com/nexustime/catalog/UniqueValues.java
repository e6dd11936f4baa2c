package com.nexustime.catalog;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.data.repository.CrudRepository;

import com.nexustime.system.web.ConflictException;

/**
 * Saves through a unique database constraint. The services check for duplicates first to give a precise
 * message; the constraint still decides when two requests race, and Spring Data JDBC wraps its refusal.
 */
final class UniqueValues {

	private UniqueValues() {
	}

	static <T> T save(CrudRepository<T, Long> repository, T aggregate, String conflict) {
		try {
			return repository.save(aggregate);
		}
		catch (DbActionExecutionException ex) {
			if (ex.getCause() instanceof DuplicateKeyException) {
				throw new ConflictException(conflict);
			}
			throw ex;
		}
	}
}
