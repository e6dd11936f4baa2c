-- Rows pinned to a user's weekly grid before any hours are booked on them ("add row", "copy last week").
-- Rows with entries appear in the grid anyway; a pinned row only keeps an empty project × activity visible.
create table timesheet_row (
    user_id      bigint      not null references app_user (id),
    week_start   date        not null,
    project_id   bigint      not null references project (id),
    activity_id  bigint      not null references activity (id),
    created_at   timestamptz not null default now(),
    primary key (user_id, week_start, project_id, activity_id)
);
