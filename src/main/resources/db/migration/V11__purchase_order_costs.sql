-- Which purchase order (invoice group) an entry's cost counts against. An entry that names none counts against
-- the project's first purchase order (the lowest id), so a project with one PO needs no choice at all.
alter table time_entry add column purchase_order_id bigint references purchase_order (id);
create index time_entry_purchase_order_idx on time_entry (purchase_order_id) where purchase_order_id is not null;
create index purchase_order_project_idx on purchase_order (project_id, id);
