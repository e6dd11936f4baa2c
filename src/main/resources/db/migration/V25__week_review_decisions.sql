-- What a person actually decided on a week's review, written by the app when the review task is completed (or
-- when the owner recalls the week), keyed by the process instance it belongs to. The weekly-timesheet delegates
-- take the outcome, the reviewer and the comment from here, never from process variables, so a diagram cannot
-- approve, reject or reopen a week nobody decided on.
create table week_review_decision (
    process_instance_id varchar(64) primary key,
    user_id             bigint      not null references app_user (id),
    week_start          date        not null,
    outcome             varchar(16) not null check (outcome in ('APPROVED', 'REJECTED', 'RECALLED')),
    decided_by          bigint      not null references app_user (id),
    task_id             varchar(64),
    comment             text,
    decided_at          timestamptz not null default now()
);

create index week_review_decision_week on week_review_decision (user_id, week_start);
create index timesheet_week_process on timesheet_week (process_instance_id);
