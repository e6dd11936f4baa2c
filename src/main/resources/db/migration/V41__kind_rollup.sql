-- Project finances (the Time tab, the dashboard, client billing and profitability): a monthly rollup of
-- time_entry by everything the invoicing rules and the Time tab's buckets look at — project, status, type,
-- activity, the billable and not-invoiced flags — plus the person, so profitability can price the minutes at the
-- person's cost rate without reading the entries.
--
-- Why the person is in the key: every save takes its person's lock first (tracking), so a row here is only ever
-- contended by transactions of the same person, which already wait for each other. Without the person, everyone
-- booking the same project and activity in a month would queue on one row until their transaction commits.
-- The price is more rows (about as many as V23's month rollup), still a small fraction of the entries.
--
-- Unlike V23 this rollup includes the lifecycle status, so finalizing or invoicing a week moves its sums from one
-- status row to another (in the same statement as the status change).
-- ProjectFinances reads whole months here and the days at the edges of a period from time_entry.

create table time_entry_kind_rollup (
    project_id    bigint        not null,
    month         date          not null check (extract(day from month) = 1),
    user_id       bigint        not null,
    status        text          not null,
    type          text          not null,
    activity_id   bigint,
    billable      boolean       not null,
    not_invoiced  boolean       not null,
    minutes       bigint        not null,
    amount        numeric(16,2) not null,
    entries       bigint        not null  -- no check: an upsert checks the proposed delta row, which may be negative
);
-- led by the project: the readers ask for a list of projects over a range of months
create unique index time_entry_kind_rollup_key on time_entry_kind_rollup
    (project_id, month, user_id, status, type, activity_id, billable, not_invoiced)
    include (minutes, amount, entries) nulls not distinct;

-- Statement-level triggers with transition tables, as in V23: one aggregation per statement, keys written in key
-- order (so two statements touching the same keys wait rather than deadlock), a key whose entries all left keeps a
-- row with zero entries that the readers skip.
create function time_entry_kind_rollup_apply() returns trigger
language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into time_entry_kind_rollup as r
               (project_id, month, user_id, status, type, activity_id, billable, not_invoiced, minutes, amount, entries)
        select project_id, month, user_id, status, type, activity_id, billable, not_invoiced,
               sum(minutes), sum(amount), sum(entries)
          from (select project_id, date_trunc('month', entry_date)::date as month, user_id, status, type, activity_id,
                       billable, not_invoiced, coalesce(minutes, 0)::bigint as minutes, amount, 1::bigint as entries
                  from new_rows) changes
         group by project_id, month, user_id, status, type, activity_id, billable, not_invoiced
        having sum(minutes) <> 0 or sum(amount) <> 0 or sum(entries) <> 0
         order by project_id, month, user_id, status, type, activity_id nulls first, billable, not_invoiced
        on conflict (project_id, month, user_id, status, type, activity_id, billable, not_invoiced) do update
           set minutes = r.minutes + excluded.minutes,
               amount = r.amount + excluded.amount,
               entries = r.entries + excluded.entries;
    elsif tg_op = 'DELETE' then
        insert into time_entry_kind_rollup as r
               (project_id, month, user_id, status, type, activity_id, billable, not_invoiced, minutes, amount, entries)
        select project_id, month, user_id, status, type, activity_id, billable, not_invoiced,
               sum(minutes), sum(amount), sum(entries)
          from (select project_id, date_trunc('month', entry_date)::date as month, user_id, status, type, activity_id,
                       billable, not_invoiced, -coalesce(minutes, 0)::bigint as minutes, -amount as amount,
                       -1::bigint as entries
                  from old_rows) changes
         group by project_id, month, user_id, status, type, activity_id, billable, not_invoiced
        having sum(minutes) <> 0 or sum(amount) <> 0 or sum(entries) <> 0
         order by project_id, month, user_id, status, type, activity_id nulls first, billable, not_invoiced
        on conflict (project_id, month, user_id, status, type, activity_id, billable, not_invoiced) do update
           set minutes = r.minutes + excluded.minutes,
               amount = r.amount + excluded.amount,
               entries = r.entries + excluded.entries;
    else
        -- old rows out, new rows in; keys whose sums do not change (a new description) drop out in the HAVING
        insert into time_entry_kind_rollup as r
               (project_id, month, user_id, status, type, activity_id, billable, not_invoiced, minutes, amount, entries)
        select project_id, month, user_id, status, type, activity_id, billable, not_invoiced,
               sum(minutes), sum(amount), sum(entries)
          from (select project_id, date_trunc('month', entry_date)::date as month, user_id, status, type, activity_id,
                       billable, not_invoiced, coalesce(minutes, 0)::bigint as minutes, amount, 1::bigint as entries
                  from new_rows
                union all
                select project_id, date_trunc('month', entry_date)::date as month, user_id, status, type, activity_id,
                       billable, not_invoiced, -coalesce(minutes, 0)::bigint as minutes, -amount as amount,
                       -1::bigint as entries
                  from old_rows) changes
         group by project_id, month, user_id, status, type, activity_id, billable, not_invoiced
        having sum(minutes) <> 0 or sum(amount) <> 0 or sum(entries) <> 0
         order by project_id, month, user_id, status, type, activity_id nulls first, billable, not_invoiced
        on conflict (project_id, month, user_id, status, type, activity_id, billable, not_invoiced) do update
           set minutes = r.minutes + excluded.minutes,
               amount = r.amount + excluded.amount,
               entries = r.entries + excluded.entries;
    end if;
    return null;
end $$;

create trigger time_entry_kind_rollup_after_insert after insert on time_entry
    referencing new table as new_rows for each statement execute function time_entry_kind_rollup_apply();
create trigger time_entry_kind_rollup_after_update after update on time_entry
    referencing old table as old_rows new table as new_rows for each statement execute function time_entry_kind_rollup_apply();
create trigger time_entry_kind_rollup_after_delete after delete on time_entry
    referencing old table as old_rows for each statement execute function time_entry_kind_rollup_apply();

-- the entries already stored
insert into time_entry_kind_rollup
       (project_id, month, user_id, status, type, activity_id, billable, not_invoiced, minutes, amount, entries)
select project_id, date_trunc('month', entry_date)::date, user_id, status, type, activity_id, billable, not_invoiced,
       coalesce(sum(minutes), 0), sum(amount), count(*)
  from time_entry
 group by 1, 2, 3, 4, 5, 6, 7, 8;
