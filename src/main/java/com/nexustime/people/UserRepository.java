package com.nexustime.people;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

interface UserRepository extends ListCrudRepository<User, Long> {

	@Query("select exists (select 1 from app_user where lower(email) = lower(:email))")
	boolean emailTaken(@Param("email") String email);

	List<User> findAllByOrderByNameAscIdAsc();

	/** True when {@code userId} is {@code managerId} or one of that manager's own managers, at any depth. */
	@Query("""
			with recursive chain (id) as (
			    select cast(:managerId as bigint)
			    union
			    select u.manager_id from app_user u join chain c on u.id = c.id where u.manager_id is not null
			)
			select exists (select 1 from chain where id = :userId)""")
	boolean managementChainIncludes(@Param("managerId") long managerId, @Param("userId") long userId);
}
