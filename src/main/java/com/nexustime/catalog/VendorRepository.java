package com.nexustime.catalog;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface VendorRepository extends ListCrudRepository<Vendor, Long> {

	List<Vendor> findAllByOrderByNameAscIdAsc();

	/** Mirrors the unique index on lower(name). */
	@Query("select exists (select 1 from vendor where lower(name) = lower(:name) and id <> coalesce(:exceptId, -1))")
	boolean nameTaken(String name, Long exceptId);
}
