package com.nexustime.catalog;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ActivityRepository extends ListCrudRepository<Activity, Long> {

	List<Activity> findAllByOrderByNameAscIdAsc();

	/** Mirrors the unique index on (lower(name), coalesce(corporation, '')). */
	@Query("""
			select exists (select 1 from activity
			               where lower(name) = lower(:name) and coalesce(corporation, '') = coalesce(:corporation, '')
			                 and id <> coalesce(:exceptId, -1))""")
	boolean nameTaken(String name, String corporation, Long exceptId);
}
