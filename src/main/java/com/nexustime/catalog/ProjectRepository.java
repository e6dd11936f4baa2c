package com.nexustime.catalog;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface ProjectRepository extends ListCrudRepository<Project, Long> {

	List<Project> findAllByOrderByNameAscIdAsc();

	List<Project> findByContactIdOrderByNameAscIdAsc(Long contactId);
}
