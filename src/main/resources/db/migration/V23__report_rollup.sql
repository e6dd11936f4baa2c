-- Reports: a monthly rollup of time_entry, kept by triggers in the same transaction as the entries, so a report
-- over whole months reads one row per month × person × project × activity × billable instead of every entry.
-- A month, not a day: a person books about one entry per project and activity a day, so a daily rollup would be
-- nearly as large as the entries; a month folds twenty working days into one row.
-- The report reads the rollup for the whole months of its period and time_entry for the days at either edge
-- (TimeReports; docs/reports.md). Filters the rollup cannot answer (a rate range) and drill-downs read time_entry.

create table time_entry_month_rollup (
    month        date          not null check (extract(day from month) = 1),
    user_id      bigint        not null,
    project_id   bigint        not null,
    activity_id  bigint,
    billable     boolean       not null,
    minutes      bigint        not null,
    amount       numeric(16,2) not null,
    entries      bigint        not null  -- no check: an upsert checks the proposed delta row, which may be negative
);
-- one row per key; a fixed cost or adjustment without an activity is its own key (nulls not distinct)
create unique index time_entry_month_rollup_key on time_entry_month_rollup
    (month, user_id, project_id, activity_id, billable)
    include (minutes, amount, entries) nulls not distinct;

-- Statement-level triggers with transition tables: one aggregation per statement, so a COPY of a million entries
-- or a grid save of thirty rows touches each key once. Keys are written in key order, so two transactions that
-- touch the same keys lock them in the same order and wait for each other rather than deadlock. A key whose
-- entries all left keeps a row with zero entries (reports skip it); it is reused when an entry comes back.
create function time_entry_rollup_insert() returns trigger
language plpgsql as $$
begin
    insert into time_entry_month_rollup as r (month, user_id, project_id, activity_id, billable, minutes, amount, entries)
    select month, user_id, project_id, activity_id, billable, sum(minutes), sum(amount), sum(entries)
      from (select date_trunc('month', entry_date)::date as month, user_id, project_id, activity_id, billable,
                   coalesce(minutes, 0)::bigint as minutes, amount, 1::bigint as entries
              from new_rows) changes
     group by month, user_id, project_id, activity_id, billable
    having sum(minutes) <> 0 or sum(amount) <> 0 or sum(entries) <> 0
     order by month, user_id, project_id, activity_id nulls first, billable
    on conflict (month, user_id, project_id, activity_id, billable) do update
       set minutes = r.minutes + excluded.minutes,
           amount = r.amount + excluded.amount,
           entries = r.entries + excluded.entries;
    return null;
end $$;

create function time_entry_rollup_delete() returns trigger
language plpgsql as $$
begin
    insert into time_entry_month_rollup as r (month, user_id, project_id, activity_id, billable, minutes, amount, entries)
    select month, user_id, project_id, activity_id, billable, sum(minutes), sum(amount), sum(entries)
      from (select date_trunc('month', entry_date)::date as month, user_id, project_id, activity_id, billable,
                   -coalesce(minutes, 0)::bigint as minutes, -amount as amount, -1::bigint as entries
              from old_rows) changes
     group by month, user_id, project_id, activity_id, billable
    having sum(minutes) <> 0 or sum(amount) <> 0 or sum(entries) <> 0
     order by month, user_id, project_id, activity_id nulls first, billable
    on conflict (month, user_id, project_id, activity_id, billable) do update
       set minutes = r.minutes + excluded.minutes,
           amount = r.amount + excluded.amount,
           entries = r.entries + excluded.entries;
    return null;
end $$;

-- An update takes the old rows out and puts the new rows in; keys whose sums do not change (a status change, a
-- new description) drop out in the HAVING, so approving or invoicing a week never writes the rollup.
create function time_entry_rollup_update() returns trigger
language plpgsql as $$
begin
    insert into time_entry_month_rollup as r (month, user_id, project_id, activity_id, billable, minutes, amount, entries)
    select month, user_id, project_id, activity_id, billable, sum(minutes), sum(amount), sum(entries)
      from (select date_trunc('month', entry_date)::date as month, user_id, project_id, activity_id, billable,
                   coalesce(minutes, 0)::bigint as minutes, amount, 1::bigint as entries
              from new_rows
            union all
            select date_trunc('month', entry_date)::date as month, user_id, project_id, activity_id, billable,
                   -coalesce(minutes, 0)::bigint as minutes, -amount as amount, -1::bigint as entries
              from old_rows) changes
     group by month, user_id, project_id, activity_id, billable
    having sum(minutes) <> 0 or sum(amount) <> 0 or sum(entries) <> 0
     order by month, user_id, project_id, activity_id nulls first, billable
    on conflict (month, user_id, project_id, activity_id, billable) do update
       set minutes = r.minutes + excluded.minutes,
           amount = r.amount + excluded.amount,
           entries = r.entries + excluded.entries;
    return null;
end $$;

create trigger time_entry_rollup_after_insert after insert on time_entry
    referencing new table as new_rows for each statement execute function time_entry_rollup_insert();
create trigger time_entry_rollup_after_update after update on time_entry
    referencing old table as old_rows new table as new_rows for each statement execute function time_entry_rollup_update();
create trigger time_entry_rollup_after_delete after delete on time_entry
    referencing old table as old_rows for each statement execute function time_entry_rollup_delete();

-- the entries already stored
insert into time_entry_month_rollup (month, user_id, project_id, activity_id, billable, minutes, amount, entries)
select date_trunc('month', entry_date)::date, user_id, project_id, activity_id, billable,
       coalesce(sum(minutes), 0), sum(amount), count(*)
  from time_entry
 group by 1, user_id, project_id, activity_id, billable;
