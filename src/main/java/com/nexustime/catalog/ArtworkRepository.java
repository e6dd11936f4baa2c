package com.nexustime.catalog;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface ArtworkRepository extends ListCrudRepository<Artwork, Long> {

	List<Artwork> findByProjectIdOrderByNameAscIdAsc(Long projectId);
}
