-- Internal cost rates: what an hour of a person costs the agency, effective-dated like billing rates. The rate in
-- force on an entry's date is the one with the latest effective_from on or before it. Confidential: only the
-- profitability report reads it, and only admins write it (people/CostRates).
create table user_cost_rate (
    user_id         bigint        not null references app_user (id),
    effective_from  date          not null,
    rate            numeric(12,2) not null check (rate >= 0),
    created_at      timestamptz   not null default now(),
    primary key (user_id, effective_from)
);

-- Period reports (activity/category groupings, utilization, profitability, the entries CSV) read a date range of
-- entries and need, besides V15's columns, the entry's type and activity. Replacing V15's covering index keeps one
-- index per access path: a year of entries stays one index-only range scan for every report's edge days.
drop index time_entry_report_idx;
create index time_entry_report_idx on time_entry (entry_date)
    include (user_id, project_id, activity_id, type, billable, rate, minutes, amount);

-- Client billing and the dashboard ask for a project's billing figures within a period. Keyed by project and then
-- date, the billing index of V14 answers both the whole-project summary (the Time tab) and a period of it.
drop index time_entry_project_billing_idx;
create index time_entry_project_billing_idx on time_entry (project_id, entry_date)
    include (status, type, activity_id, amount)
    where billable and not not_invoiced;

-- Profitability scopes a manager to the projects they manage.
create index if not exists project_manager_idx on project (manager_id) where manager_id is not null;
