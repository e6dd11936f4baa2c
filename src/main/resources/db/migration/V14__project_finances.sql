-- Project finances: the financial summary reads every billing-relevant entry of one project and sums it by
-- status, type and activity category. This covering index holds exactly those entries and the columns the
-- aggregate needs, so the summary is one index-only scan of the project's rows.
create index time_entry_project_billing_idx on time_entry (project_id)
    include (status, type, activity_id, amount)
    where billable and not not_invoiced;

-- Admin finalization and "artwork complete" look for a project's OPEN entries (up to a date).
create index time_entry_project_open_idx on time_entry (project_id, entry_date)
    where status = 'OPEN';
