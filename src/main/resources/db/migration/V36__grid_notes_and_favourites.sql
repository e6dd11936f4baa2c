-- A note on a row of the weekly grid (user × week × project × activity): what this line of work is about.
-- The note of one day's cell is not stored here: it is the description of that cell's entry.
create table timesheet_row_note (
    user_id      bigint      not null references app_user (id),
    week_start   date        not null,
    project_id   bigint      not null references project (id),
    activity_id  bigint      not null references activity (id),
    note         text        not null check (length(note) between 1 and 2000),
    updated_at   timestamptz not null default now(),
    primary key (user_id, week_start, project_id, activity_id)
);

-- A person's favourite project × activity pairs, one click from any week's grid.
create table timesheet_favourite (
    user_id      bigint      not null references app_user (id),
    project_id   bigint      not null references project (id),
    activity_id  bigint      not null references activity (id),
    created_at   timestamptz not null default now(),
    primary key (user_id, project_id, activity_id)
);
