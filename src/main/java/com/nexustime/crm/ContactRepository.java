package com.nexustime.crm;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface ContactRepository extends ListCrudRepository<Contact, Long> {

	List<Contact> findAllByOrderByNameAscIdAsc();
}
