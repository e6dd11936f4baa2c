-- Reports: every report reads the entries of a date range and sums minutes and amounts per person, project or
-- client, optionally narrowed by billable flag and rate. This covering index holds the range key and every
-- column the report's WHERE and aggregate need, so a year of entries is one range (or bitmap) scan of the index
-- instead of a scan of the table. Narrower drill-downs use time_entry_user_date_idx / _project_date_idx (V5).
create index time_entry_report_idx on time_entry (entry_date)
    include (user_id, project_id, billable, rate, minutes, amount);
