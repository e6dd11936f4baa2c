package com.nexustime.catalog;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.audit.AuditLog;
import com.nexustime.system.web.ConflictException;
import com.nexustime.system.web.NotFoundException;

/** Vendors for fixed costs; names are unique ignoring case. Every change is audited. */
@Service
@Transactional(readOnly = true)
public class VendorService {

	private final VendorRepository vendors;

	private final AuditLog audit;

	VendorService(VendorRepository vendors, AuditLog audit) {
		this.vendors = vendors;
		this.audit = audit;
	}

	public List<Vendor> list() {
		return vendors.findAllByOrderByNameAscIdAsc();
	}

	public Vendor get(Long id) {
		return vendors.findById(id).orElseThrow(() -> new NotFoundException("Vendor", id));
	}

	@Transactional
	public Vendor create(VendorForm form) {
		Vendor saved = save(Vendor.create(form), null);
		audit.record("CREATE", "Vendor", saved.id(), null, saved);
		return saved;
	}

	@Transactional
	public Vendor change(Long id, VendorChanges changes) {
		Vendor before = get(id);
		Vendor after = save(before.apply(changes), id);
		audit.record("UPDATE", "Vendor", id, before, after);
		return after;
	}

	private Vendor save(Vendor vendor, Long exceptId) {
		String conflict = "A vendor named '" + vendor.name() + "' already exists";
		if (vendors.nameTaken(vendor.name(), exceptId)) {
			throw new ConflictException(conflict);
		}
		return UniqueValues.save(vendors, vendor, conflict);
	}
}
