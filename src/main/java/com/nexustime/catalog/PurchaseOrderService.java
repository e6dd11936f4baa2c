package com.nexustime.catalog;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.audit.AuditLog;
import com.nexustime.system.web.ConflictException;

/** Purchase orders of a project: one per number and one per invoice group within the project. */
@Service
@Transactional(readOnly = true)
public class PurchaseOrderService {

	private final PurchaseOrderRepository purchaseOrders;

	private final ProjectService projects;

	private final AuditLog audit;

	PurchaseOrderService(PurchaseOrderRepository purchaseOrders, ProjectService projects, AuditLog audit) {
		this.purchaseOrders = purchaseOrders;
		this.projects = projects;
		this.audit = audit;
	}

	public List<PurchaseOrder> list(Long projectId) {
		projects.get(projectId);
		return purchaseOrders.findByProjectIdOrderByNumberAscIdAsc(projectId);
	}

	@Transactional
	public PurchaseOrder create(Long projectId, PurchaseOrderForm form) {
		projects.get(projectId);
		PurchaseOrder po = PurchaseOrder.create(projectId, form);
		if (purchaseOrders.existsByProjectIdAndNumber(projectId, po.number())) {
			throw new ConflictException("This project already has a purchase order numbered " + po.number());
		}
		if (purchaseOrders.existsByProjectIdAndInvoiceGroup(projectId, po.invoiceGroup())) {
			throw new ConflictException("This project already has a purchase order for invoice group " + po.invoiceGroup());
		}
		PurchaseOrder saved = UniqueValues.save(purchaseOrders, po,
				"This project already has a purchase order with that number or invoice group");
		audit.record("CREATE", "PurchaseOrder", saved.id(), null, saved);
		return saved;
	}
}
