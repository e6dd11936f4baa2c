-- The auditor's user-week view finds a person's time-entry records by the owner and date inside the stored JSON
-- (deleted entries survive only there). One index per side: a create has only "after", a delete only "before".
create index audit_log_entry_after_idx on audit_log ((after ->> 'userId'), (after ->> 'date'))
    where entity_type = 'TimeEntry';
create index audit_log_entry_before_idx on audit_log ((before ->> 'userId'), (before ->> 'date'))
    where entity_type = 'TimeEntry';
