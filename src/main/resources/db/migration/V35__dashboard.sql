-- Dashboard: it lists every active project a manager (or an admin) looks after, with its figures, at once.
-- Project assignment (hours per person on a project) reads the monthly rollup (V23) by project; its key starts
-- with the month, so give it an index led by the project that holds the person and the minutes.
create index time_entry_month_rollup_project_idx on time_entry_month_rollup (project_id, user_id) include (minutes);

-- Purchase-order use (catalog/PurchaseOrderUsage) sums every entry of a project by the order it names; with the
-- order and the amount in the index, that sum is an index-only scan of the project's entries instead of a heap
-- visit per entry.
create index time_entry_project_po_cost_idx on time_entry (project_id, purchase_order_id) include (amount);
