package com.nexustime.catalog;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface PurchaseOrderRepository extends ListCrudRepository<PurchaseOrder, Long> {

	List<PurchaseOrder> findByProjectIdOrderByNumberAscIdAsc(Long projectId);

	boolean existsByProjectIdAndNumber(Long projectId, String number);

	boolean existsByProjectIdAndInvoiceGroup(Long projectId, String invoiceGroup);
}
