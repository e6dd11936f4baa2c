-- How many hours a week a person is expected to work: the workspace's default for everyone, and a person's own
-- figure where it differs (part-time). The dashboard sets a week's hours against it; utilization divides by it.
alter table workspace
    add column weekly_hours numeric(4,1) not null default 40 check (weekly_hours > 0 and weekly_hours <= 168);

alter table app_user
    add column weekly_hours numeric(4,1) check (weekly_hours is null or (weekly_hours > 0 and weekly_hours <= 168));

comment on column app_user.weekly_hours is 'null: the workspace''s weekly_hours';
