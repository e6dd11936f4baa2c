package com.nexustime.rates;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.query.Param;

interface RateRepository extends CrudRepository<Rate, Long> {

	/** Whether the same target already has a rate starting on that day (mirrors the unique index). */
	@Query("""
			select exists (select 1 from rate
			               where scope = :scope
			                 and user_id is not distinct from :userId
			                 and project_id is not distinct from :projectId
			                 and activity_id is not distinct from :activityId
			                 and effective_from = :effectiveFrom)""")
	boolean existsForTarget(@Param("scope") String scope, @Param("userId") Long userId,
			@Param("projectId") Long projectId, @Param("activityId") Long activityId,
			@Param("effectiveFrom") java.time.LocalDate effectiveFrom);
}
