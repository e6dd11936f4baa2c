-- Client billing's cost by vendor sums the fixed costs of a period. Without an index led by the date that reaches
-- only fixed costs, it read every entry of the table (a million rows at the benchmark's size) to find a handful.
-- Partial, so a time entry (type ACTIVITY, nearly every save) adds nothing to this index.
create index time_entry_fixed_cost_idx on time_entry (entry_date)
    include (project_id, vendor_id, employee_id, amount)
    where type = 'FIXED_COST';
