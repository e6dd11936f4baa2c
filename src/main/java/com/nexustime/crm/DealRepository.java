package com.nexustime.crm;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface DealRepository extends ListCrudRepository<Deal, Long> {

	List<Deal> findAllByOrderByIdDesc();

	List<Deal> findByContactIdOrderByIdDesc(Long contactId);
}
