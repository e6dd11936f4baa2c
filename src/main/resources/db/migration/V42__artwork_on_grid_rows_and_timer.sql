-- Per-piece work on the weekly grid and the header timer: a pinned grid row and a running timer may name the
-- artwork their time is for. A grid row is then project × activity × artwork; a row without artwork stays as it was.
alter table timesheet_row add column artwork_id bigint references artwork (id);
alter table timesheet_row drop constraint timesheet_row_pkey;
create unique index timesheet_row_line_idx
    on timesheet_row (user_id, week_start, project_id, activity_id, coalesce(artwork_id, 0));

alter table running_timer add column artwork_id bigint references artwork (id);
